import fc from "fast-check";
import { bwt, compressText, decompressText, decompressTextInSlices, fnv1a, suffixArray, unbwt } from "../../src/core/textCodec";

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** The transform by definition: sort every rotation of text + end marker, read the last column. */
function naiveBwt(s: Uint8Array): { last: number[]; primary: number } {
	const t = [...s, -1]; // -1: the end marker, smaller than every byte
	const rows = t.map((_, i) => [...t.slice(i), ...t.slice(0, i)]);
	rows.sort((a, b) => {
		for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
		return 0;
	});
	const lastWithMarker = rows.map((r) => r[r.length - 1]!);
	const primary = lastWithMarker.indexOf(-1);
	return { last: lastWithMarker.filter((c) => c !== -1), primary };
}

describe("suffix array and Burrows–Wheeler transform", () => {
	it("sorts suffixes like a plain comparison sort", () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }).map((a) => a.map((v) => v % 4)), (s) => {
			const expected = [...s.keys()].sort((a, b) => {
				for (let i = 0; ; i++) {
					if (a + i >= s.length) return -1;
					if (b + i >= s.length) return 1;
					if (s[a + i] !== s[b + i]) return s[a + i]! - s[b + i]!;
				}
			});
			expect([...suffixArray(s)]).toEqual(expected);
		}), { numRuns: 300 });
	});

	it("matches the transform computed from its definition", () => {
		expect(naiveBwt(bytes("banana"))).toEqual({ last: [...bytes("annbaa")], primary: 4 });
		fc.assert(fc.property(fc.uint8Array({ maxLength: 120 }).map((a) => a.map((v) => v % 3)), (s) => {
			const { last, primary, starts } = bwt(s);
			const naive = naiveBwt(s);
			expect([...last]).toEqual(naive.last);
			if (s.length > 0) expect(primary).toBe(naive.primary);
			expect(same(unbwt(last, primary), s)).toBe(true);
			// the same text walked as up to 16 chains from their recorded starts
			expect(same(unbwt(last, primary, starts), s)).toBe(true);
		}), { numRuns: 300 });
	});
});

describe("compressText and decompressText", () => {
	it("round-trips the edge cases", () => {
		const cases = [new Uint8Array(0), bytes("a"), bytes("aa"), new Uint8Array(5000).fill(7), Uint8Array.from({ length: 256 }, (_, i) => i), bytes("---\ntags: [mlsd/case-study]\n---\n# A note\n\n- [ ] tick me\n".repeat(50))];
		for (const c of cases) expect(same(decompressText(compressText(c)), c)).toBe(true);
	});

	it("round-trips any bytes and any text", () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (s) => same(decompressText(compressText(s)), s)), { numRuns: 150 });
		fc.assert(fc.property(fc.array(fc.constantFrom("the ", "model ", "[[Two-tower model]] ", "\n", "## ", "recall@k ", "é", "—", "\u0000"), { maxLength: 800 }), (words) => {
			const s = bytes(words.join(""));
			return same(decompressText(compressText(s)), s);
		}), { numRuns: 100 });
	});

	it("compresses repetitive text well and is deterministic", () => {
		const text = bytes(Array.from({ length: 400 }, (_, i) => `Case ${i % 37}: the two-tower model retrieves ${i % 11} candidates for [[Ranking]].\n`).join(""));
		const a = compressText(text);
		expect(a.length).toBeLessThan(text.length / 8);
		expect(same(compressText(text), a)).toBe(true);
	});

	it("reports a damaged pack instead of returning wrong bytes", () => {
		const text = bytes("Step 1: clarify the requirements. Step 2: frame the problem as an ML task.\n".repeat(40));
		const good = compressText(text);
		expect(() => decompressText(good.slice(0, 3))).toThrow(/bad header/);
		const wrongMagic = good.slice();
		wrongMagic[0] = 0;
		expect(() => decompressText(wrongMagic)).toThrow(/not a notes pack/);
		let detected = 0;
		for (let at = 16; at < good.length; at += Math.max(1, Math.floor(good.length / 40))) {
			const bad = good.slice();
			bad[at] = bad[at]! ^ 0x5a;
			try {
				const out = decompressText(bad);
				expect(same(out, text)).toBe(true); // a flip past the last meaningful byte changes nothing
			} catch (e) {
				expect(String(e)).toMatch(/damaged notes pack/);
				detected++;
			}
		}
		expect(detected).toBeGreaterThan(0);
		const badChecksum = good.slice();
		badChecksum[12] = badChecksum[12]! ^ 1;
		expect(() => decompressText(badChecksum)).toThrow(/checksum/);
		const badIndex = good.slice();
		badIndex.set([0xff, 0xff, 0xff, 0x00], 8);
		expect(() => decompressText(badIndex)).toThrow(/transform index/);
		const badChainStart = good.slice();
		badChainStart.set([0, 0, 0, 0], 16 + 4 * 3);
		expect(() => decompressText(badChainStart)).toThrow(/transform index/);
		const swappedChainStarts = good.slice();
		swappedChainStarts.set(good.subarray(20, 24), 16);
		swappedChainStarts.set(good.subarray(16, 20), 20);
		expect(() => decompressText(swappedChainStarts)).toThrow(/checksum/);
	});

	it("decodes in slices to the very bytes decompressText gives, pausing between slices", async () => {
		await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), fc.integer({ min: 1, max: 1500 }), async (s, sliceBytes) => {
			const packed = compressText(s);
			let pauses = 0;
			const seen: number[] = [];
			const out = await decompressTextInSlices(packed, { sliceBytes, pause: async () => void pauses++, onProgress: (f) => seen.push(f) });
			expect(same(out, decompressText(packed))).toBe(true);
			// a pause after each slice of the decoding, then after each slice of the inverse transform
			expect(pauses).toBeGreaterThanOrEqual(Math.ceil(s.length / sliceBytes) + (s.length > 0 ? 1 : 0));
			expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
			expect(seen.at(-1)).toBe(1);
		}), { numRuns: 60 });
	});

	it("reports a damaged pack decoded in slices, as decompressText does", async () => {
		const good = compressText(bytes("Step 3: data preparation and feature engineering.\n".repeat(60)));
		const bad = good.slice();
		bad[12] = bad[12]! ^ 1;
		await expect(decompressTextInSlices(bad, { pause: async () => {}, sliceBytes: 100 })).rejects.toThrow(/checksum/);
		await expect(decompressTextInSlices(good.slice(0, 3), { pause: async () => {} })).rejects.toThrow(/bad header/);
	});

	it("uses FNV-1a for the checksum", () => {
		// published test vectors of 32-bit FNV-1a
		expect(fnv1a(new Uint8Array(0))).toBe(0x811c9dc5);
		expect(fnv1a(bytes("a"))).toBe(0xe40c292c);
		expect(fnv1a(bytes("foobar"))).toBe(0xbf9cf968);
	});
});
