/** Geometry for the progress view's small SVG charts: pure numbers, drawn by the Obsidian layer with createSvg. */

export interface Box {
	width: number;
	height: number;
	/** Inner padding on every side. */
	pad: number;
}

export interface Point {
	x: number;
	y: number;
}

/** Scores 1–4, oldest first, as points across the box (a single score sits in the middle). */
export function scorePoints(scores: readonly number[], box: Box): Point[] {
	const w = box.width - 2 * box.pad;
	const h = box.height - 2 * box.pad;
	return scores.map((s, i) => ({
		x: round(box.pad + (scores.length === 1 ? w / 2 : (w * i) / (scores.length - 1))),
		y: round(box.pad + h - (h * (clamp(s, 1, 4) - 1)) / 3),
	}));
}

/** The y of a score line (1–4) in the box, for grid lines. */
export function scoreY(score: number, box: Box): number {
	const h = box.height - 2 * box.pad;
	return round(box.pad + h - (h * (clamp(score, 1, 4) - 1)) / 3);
}

/** `points` attribute of a polyline. */
export function polyline(points: readonly Point[]): string {
	return points.map((p) => `${p.x},${p.y}`).join(" ");
}

/** The width of a bar for `value` out of `max` in `width` pixels (at least 2 px for any value above 0). */
export function barWidth(value: number, max: number, width: number): number {
	if (!(max > 0) || !(value > 0)) return 0;
	return Math.max(2, round((Math.min(value, max) / max) * width));
}

function clamp(n: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, n));
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}
