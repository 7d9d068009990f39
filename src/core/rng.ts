/** Seedable randomness, so every draw is reproducible in tests and from the CLI. */
export type Rng = () => number;

/** mulberry32: small, fast, good enough for picking prompts. */
export function seededRng(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(items: readonly T[], rng: Rng): T {
	if (items.length === 0) throw new Error("Cannot pick from an empty list.");
	return items[Math.min(items.length - 1, Math.floor(rng() * items.length))]!;
}
