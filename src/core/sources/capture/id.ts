/**
 * The id of a captured source (docs/capture.md): `<prefix>YYYYMMDD-NNN`, the date being
 * the video's publication date when known, else today; NNN the smallest three-digit
 * number from 001 that no note of the vault uses with that prefix and date.
 */

/** `2025-11-28` → `20251128`. */
export function idDate(published: string | null, today: string): string {
	return (published ?? today).replace(/-/g, "");
}

/**
 * The first free id for `date` (YYYYMMDD). `usedIds`: the `id` of every note of the vault,
 * in any folder. Past 999 the number simply grows a digit (`-1000`), so capture never fails
 * for want of a number.
 */
export function allocateId(prefix: string, date: string, usedIds: Iterable<string>): string {
	const stem = `${prefix}${date}-`;
	const taken = new Set<string>();
	for (const id of usedIds) if (id.startsWith(stem)) taken.add(id);
	for (let n = 1; ; n++) {
		const id = stem + String(n).padStart(3, "0");
		if (!taken.has(id)) return id;
	}
}
