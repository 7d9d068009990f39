import fc from "fast-check";
import { decodeBinaryText, encodeBinaryText } from "../../src/core/binaryText";

const AWKWARD = /[\u0000\n\r'\\]/;

describe("binary text (7 bits per character)", () => {
	it("round-trips any bytes, including runs of the values it must escape", () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
			const back = decodeBinaryText(encodeBinaryText(b));
			return back.length === b.length && back.every((v, i) => v === b[i]);
		}), { numRuns: 1000 });
		const awkwardHeavy = fc.array(fc.constantFrom(0x00, 0x0a, 0x0d, 0x27, 0x5c, 0x4e, 0x14, 0x02), { maxLength: 200 }).map((a) => Uint8Array.from(a));
		fc.assert(fc.property(awkwardHeavy, (b) => {
			const back = decodeBinaryText(encodeBinaryText(b));
			return back.length === b.length && back.every((v, i) => v === b[i]);
		}), { numRuns: 1000 });
	});

	it("writes text a single-quoted string literal holds raw", () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
			const s = encodeBinaryText(b);
			expect(s).not.toMatch(AWKWARD);
			expect(Function(`return '${s}';`)()).toBe(s);
		}), { numRuns: 200 });
	});

	it("is stable under canonical Unicode normalisation (NFC) and has no combining marks or C1 controls", () => {
		const all = Uint8Array.from({ length: 4096 }, (_, i) => (i * 37 + (i >> 3)) & 255);
		const s = encodeBinaryText(all) + encodeBinaryText(Uint8Array.from({ length: 2000 }, (_, i) => [0, 10, 13, 39, 92][i % 5]! << (i % 2)));
		expect(s.normalize("NFC")).toBe(s);
		expect(s).not.toMatch(/[\p{M}\u0080-\u009f]/u);
	});

	it("costs about 8/7 of the bytes in UTF-8", () => {
		const random = Uint8Array.from({ length: 100_000 }, (_, i) => Math.imul(i + 1, 2654435761) >>> 24);
		const utf8 = new TextEncoder().encode(encodeBinaryText(random)).length;
		expect(utf8 / random.length).toBeGreaterThan(1.13);
		expect(utf8 / random.length).toBeLessThan(1.16);
	});

	it("names a character it did not write", () => {
		expect(() => decodeBinaryText("ab'c")).toThrow(/character 39 at 2/);
		expect(() => decodeBinaryText("ab\u4e00")).toThrow(/U\+4E00 at 2/);
	});
});
