// Obsidian adds createEl/createDiv/empty/setText to DOM prototypes; jsdom tests need them too.
import { installDomHelpers } from "./helpers/dom";

if (typeof HTMLElement !== "undefined") installDomHelpers();
