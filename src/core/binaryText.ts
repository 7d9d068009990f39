/**
 * Bytes as the text of a single-quoted JavaScript string literal, 8 bits in
 * 7: the compressed notes sit in main.js this way (14% overhead; basE91 would
 * be 23%, base64 33%).
 *
 * The bytes are read as a stream of 7-bit values. A value is written as the
 * ASCII character with that code, except the five a string literal cannot hold
 * raw or that tools mishandle: NUL, line feed, carriage return, the quote and
 * the backslash. Such a value and the value after it are written together as
 * one two-byte UTF-8 character (the scheme of base-122), so every character
 * still carries 7 bits on average. The two-byte characters are letters
 * (Latin Extended, IPA, Cyrillic, Armenian), none of them a combining mark, so
 * canonical normalisation (NFC) leaves the text alone.
 *
 * main.js must be written as UTF-8 with control characters kept raw
 * (esbuild's `charset: "utf8"`); scripts/lib/guard.mjs checks the literal
 * survived the build unchanged.
 */

/** The 7-bit values written as a two-byte character with their successor. */
const AWKWARD = [0x00, 0x0a, 0x0d, 0x27, 0x5c] as const;
const AWKWARD_INDEX = (() => {
	const t = new Int8Array(128).fill(-1);
	AWKWARD.forEach((v, i) => (t[v] = i));
	return t;
})();

/**
 * Two-byte characters: 128 per awkward value (with the value after it), then
 * one per awkward value that ends the stream (with nothing after it).
 */
const ESCAPES = (() => {
	const ranges: [number, number][] = [[0x100, 0x2ff], [0x400, 0x481], [0x531, 0x556]];
	const out: number[] = [];
	for (const [from, to] of ranges) for (let c = from; c <= to; c++) out.push(c);
	const needed = AWKWARD.length * 129;
	if (out.length < needed) throw new Error("escape table too small");
	return out.slice(0, needed);
})();
const ESCAPE_INDEX = (() => {
	const m = new Map<number, number>();
	ESCAPES.forEach((c, i) => m.set(c, i));
	return m;
})();
const LAST = AWKWARD.length * 128;

export function encodeBinaryText(bytes: Uint8Array): string {
	const values: number[] = [];
	let acc = 0;
	let bits = 0;
	for (let i = 0; i < bytes.length; i++) {
		acc = ((acc << 8) | bytes[i]!) & 0x7fff;
		bits += 8;
		while (bits >= 7) {
			bits -= 7;
			values.push((acc >> bits) & 127);
		}
	}
	if (bits > 0) values.push((acc << (7 - bits)) & 127);
	const out: string[] = [];
	let run: number[] = [];
	for (let i = 0; i < values.length; i++) {
		const v = values[i]!;
		const k = AWKWARD_INDEX[v]!;
		if (k < 0) {
			run.push(v);
		} else if (i + 1 < values.length) {
			run.push(ESCAPES[k * 128 + values[++i]!]!);
		} else {
			run.push(ESCAPES[LAST + k]!);
		}
		if (run.length >= 8192) {
			out.push(String.fromCharCode(...run));
			run = [];
		}
	}
	out.push(String.fromCharCode(...run));
	return out.join("");
}

export function decodeBinaryText(text: string): Uint8Array {
	// at most 7 bits per character, 14 for an escape: size for the worst case, trim at the end
	const out = new Uint8Array(Math.ceil((text.length * 14) / 8) + 1);
	let len = 0;
	let acc = 0;
	let bits = 0;
	const push7 = (v: number): void => {
		acc = ((acc << 7) | v) & 0x7fff;
		bits += 7;
		if (bits >= 8) {
			bits -= 8;
			out[len++] = (acc >> bits) & 255;
		}
	};
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 128) {
			if (AWKWARD_INDEX[c]! >= 0) throw new Error(`character ${c} at ${i} should have been escaped`);
			push7(c);
			continue;
		}
		const e = ESCAPE_INDEX.get(c);
		if (e === undefined) throw new Error(`unexpected character U+${c.toString(16).toUpperCase().padStart(4, "0")} at ${i}`);
		if (e >= LAST) {
			push7(AWKWARD[e - LAST]!);
			if (i !== text.length - 1) throw new Error(`end-of-stream character at ${i} before the end`);
		} else {
			push7(AWKWARD[e >> 7]!);
			push7(e & 127);
		}
	}
	// the padding (fewer than 7 bits) never completes a byte
	return out.slice(0, len);
}
