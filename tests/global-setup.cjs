// Dates in tests are in UTC, whatever the machine's zone; the CLI's warm-scan cache goes to a
// folder of this run, never into the user's own cache folder.
const { mkdtempSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");

module.exports = async () => {
	process.env.TZ = "UTC";
	process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), "sl-test-cache-"));
};
