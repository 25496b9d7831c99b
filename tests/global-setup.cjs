// Dates in tests are in UTC, whatever the machine's zone.
module.exports = async () => {
	process.env.TZ = "UTC";
};
