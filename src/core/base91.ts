/**
 * basE91 (Joachim Henke's encoding): bytes as printable ASCII with about 23%
 * overhead, against base64's 33%. The shipped notes are embedded in main.js
 * this way after compression. Its alphabet has no quote (') and no backslash,
 * so the text sits in a single-quoted string literal unescaped.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,./:;<=>?@[]^_`{|}~\"";

export function encodeBase91(data: Uint8Array): string {
	const out: string[] = [];
	let b = 0;
	let n = 0;
	for (const byte of data) {
		b |= byte << n;
		n += 8;
		if (n > 13) {
			let v = b & 8191;
			if (v > 88) {
				b >>= 13;
				n -= 13;
			} else {
				v = b & 16383;
				b >>= 14;
				n -= 14;
			}
			out.push(ALPHABET[v % 91]!, ALPHABET[Math.floor(v / 91)]!);
		}
	}
	if (n > 0) {
		out.push(ALPHABET[b % 91]!);
		if (n > 7 || b > 90) out.push(ALPHABET[Math.floor(b / 91)]!);
	}
	return out.join("");
}

let table: Int16Array | null = null;

export function decodeBase91(text: string): Uint8Array {
	if (!table) {
		table = new Int16Array(128).fill(-1);
		for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
	}
	const out = new Uint8Array(Math.ceil((text.length * 14) / 16) + 1);
	let o = 0;
	let v = -1;
	let b = 0;
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const d = c < 128 ? table[c]! : -1;
		if (d < 0) throw new Error(`Not basE91 text: character ${JSON.stringify(text[i])} at ${i}.`);
		if (v < 0) {
			v = d;
			continue;
		}
		v += d * 91;
		b |= v << n;
		n += (v & 8191) > 88 ? 13 : 14;
		do {
			out[o++] = b & 255;
			b >>= 8;
			n -= 8;
		} while (n > 7);
		v = -1;
	}
	if (v > -1) out[o++] = (b | (v << n)) & 255;
	return out.subarray(0, o);
}
