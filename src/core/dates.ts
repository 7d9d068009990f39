/** Calendar dates as YYYY-MM-DD in the user's local time (how notes record them). */
export function localDate(d: Date = new Date()): string {
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

