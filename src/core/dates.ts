/** Calendar dates as YYYY-MM-DD in the user's local time (how notes record them). */
export function localDate(d: Date = new Date()): string {
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * The calendar day of a date property (`2026-01-31`, or with a time after it),
 * or null when it is not a real date: `2026-13-45` and `2026-02-30` are null,
 * never an "Invalid time value" later on.
 */
export function dayOf(value: unknown): string | null {
	if (typeof value !== "string") return null;
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (mo < 1 || mo > 12 || d < 1) return null;
	const last = new Date(0);
	last.setUTCFullYear(y, mo, 0);
	const days = last.getUTCDate();
	if (d > days) return null;
	return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Whether a text is exactly a real YYYY-MM-DD date. */
export function isRealDate(value: unknown): value is string {
	return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayOf(value) === value;
}
