import { allocateId, idDate } from "../../../../src/core/sources/capture/id";

describe("capture: id allocation", () => {
	it("takes the publication date when known, else today", () => {
		expect(idDate("2025-11-28", "2026-02-22")).toBe("20251128");
		expect(idDate(null, "2026-02-22")).toBe("20260222");
	});

	it.each([
		["starts at 001 in an empty vault", [], "SOURCE-20251128-001"],
		["takes the smallest free number, filling gaps", ["SOURCE-20251128-001", "SOURCE-20251128-003"], "SOURCE-20251128-002"],
		["ignores other dates and other prefixes", ["SOURCE-20251127-001", "NOTE-20251128-001", "SOURCE-20251128-973"], "SOURCE-20251128-001"],
		["counts a number only in its three-digit form", ["SOURCE-20251128-1", "SOURCE-20251128-0001"], "SOURCE-20251128-001"],
	])("%s", (_rule, used, expected) => {
		expect(allocateId("SOURCE-", "20251128", used)).toBe(expected);
	});

	it("uses the configured prefix", () => {
		expect(allocateId("SRC_", "20251128", ["SRC_20251128-001"])).toBe("SRC_20251128-002");
	});

	it("grows a digit after 999 rather than fail", () => {
		const used = Array.from({ length: 999 }, (_, i) => `SOURCE-20251128-${String(i + 1).padStart(3, "0")}`);
		expect(allocateId("SOURCE-", "20251128", used)).toBe("SOURCE-20251128-1000");
	});
});
