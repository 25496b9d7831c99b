import {
	megabytesText,
	parseAliasPrefixWords,
	parseFolder,
	parseFolders,
	parseIdPrefix,
	parseIntegrationHeading,
	parseList,
	parseMaxNoteMegabytes,
	parseStatuses,
	parseTemplatePath,
	parseTierOrder,
	type Parsed,
} from "../../../src/core/sources/settings-input";

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refused = expect.objectContaining({ ok: false, message: expect.any(String) });

describe("settings input", () => {
	it.each([
		["a, b ,c", ["a", "b", "c"]],
		["a,,a, ", ["a"]],
		["one\ntwo", ["one", "two"]],
		["", []],
	])("a list %j is %j", (text, expected) => {
		expect(parseList(text)).toEqual(expected);
	});

	it.each<[string, (t: string) => Parsed<unknown>, string, unknown]>([
		["id prefix", parseIdPrefix, " SRC- ", ok("SRC-")],
		["id prefix", parseIdPrefix, "  ", refused],
		["id prefix", parseIdPrefix, "SOURCE -", refused],
		["folder", parseFolder, "/Sources/2025/", ok("Sources/2025")],
		["folder", parseFolder, "", ok("")],
		["folder", parseFolder, "a\\b", ok("a/b")],
		["folder", parseFolder, "../outside", refused],
		["template note", parseTemplatePath, " /Templates/Source ", ok("Templates/Source.md")],
		["template note", parseTemplatePath, "Templates/Source.MD", ok("Templates/Source.MD")],
		["template note", parseTemplatePath, "", ok("")],
		["template note", parseTemplatePath, "../t.md", refused],
		["statuses", parseStatuses, "raw, in_progress, reviewing, integrated, archived", ok(["raw", "in_progress", "reviewing", "integrated", "archived"])],
		["statuses", parseStatuses, "raw, raw", ok(["raw"])],
		["statuses", parseStatuses, " , ", refused],
		["tier order", parseTierOrder, "paradigm, high", ok(["paradigm", "high"])],
		["tier order", parseTierOrder, "", ok([])],
		["excluded folders", parseFolders, "Inbox/, /Templates, Inbox", ok(["Inbox", "Templates"])],
		["excluded folders", parseFolders, "Inbox, ..", refused],
		["alias prefix lengths", parseAliasPrefixWords, "4, 6", ok([4, 6])],
		["alias prefix lengths", parseAliasPrefixWords, "3,3, 8", ok([3, 8])],
		["alias prefix lengths", parseAliasPrefixWords, "", ok([])],
		["alias prefix lengths", parseAliasPrefixWords, "4, six", refused],
		["alias prefix lengths", parseAliasPrefixWords, "0", refused],
		["alias prefix lengths", parseAliasPrefixWords, "2.5", refused],
		["integration heading", parseIntegrationHeading, "## Sources", ok("## Sources")],
		["integration heading", parseIntegrationHeading, " ### Used in ", ok("### Used in")],
		["integration heading", parseIntegrationHeading, "Sources", refused],
		["integration heading", parseIntegrationHeading, "##", refused],
		["maximum note size", parseMaxNoteMegabytes, "20", ok(20 * 1024 * 1024)],
		["maximum note size", parseMaxNoteMegabytes, "0,5", ok(512 * 1024)],
		["maximum note size", parseMaxNoteMegabytes, "0", refused],
		["maximum note size", parseMaxNoteMegabytes, "lots", refused],
		["maximum note size", parseMaxNoteMegabytes, "", refused],
	])("%s: %j", (_name, parse, text, expected) => {
		expect(parse(text)).toEqual(expected);
	});

	it("shows bytes as megabytes with at most two decimals", () => {
		expect(megabytesText(20 * 1024 * 1024)).toBe("20");
		expect(megabytesText(512 * 1024)).toBe("0.5");
	});
});
