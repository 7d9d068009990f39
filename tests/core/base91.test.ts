import fc from "fast-check";
import { decodeBase91, encodeBase91 } from "../../src/core/base91";

describe("basE91", () => {
	it("round-trips any bytes", () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
			expect([...decodeBase91(encodeBase91(bytes))]).toEqual([...bytes]);
		}), { numRuns: 300 });
	});

	it("matches the reference encoding and uses no quote or backslash", () => {
		// The reference implementation's example.
		expect(encodeBase91(new TextEncoder().encode("test"))).toBe("fPNKd");
		const all = encodeBase91(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 255));
		expect(all).not.toMatch(/['\\\s]/);
		expect(all.length / 4096).toBeLessThan(1.24);
	});

	it("names a character that is not basE91", () => {
		expect(() => decodeBase91("fPN'd")).toThrow(/character "'" at 3/);
	});
});
