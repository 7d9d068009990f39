/**
 * The compressor for the shipped notes: a Burrows–Wheeler transform of the
 * whole text, then bitwise context mixing with a binary arithmetic coder.
 *
 * Why our own: the notes are half of main.js, and the general-purpose
 * decompressors that are small enough to ship (fzstd, a DEFLATE or xz
 * decoder) leave them about 25% larger than this does (Zstandard level 19:
 * 891 kB for 3.36 MB of notes; this: about 730 kB). A BWT groups every
 * occurrence of a context together, so a handful of adaptive bit counters
 * predicts it about as well as a PPM model, in far less code.
 *
 * Determinism: the encoder runs at build time in Node and the decoder on any
 * phone, so every step is integer arithmetic that is exact in doubles: no
 * Math.exp/log at run time (the logistic curve is a table of 33 integers),
 * divisions only by powers of two. A checksum of the original text guards
 * the round trip; a damaged stream is reported, never returned.
 *
 * Layout: "MLZ1", length (u32 LE), BWT primary index (u32 LE), FNV-1a of the
 * text (u32 LE), the rows where the text's sixteenths start (u32 LE each, so
 * the inverse transform walks 16 chains at once), then the arithmetic-coded
 * BWT output.
 */

// Local names: a global lookup per bit is slow in some hosts (a VM context, as under Jest, pays ~50x).
const imul = Math.imul;
const floor = Math.floor;

const MAGIC = [0x4d, 0x4c, 0x5a, 0x31]; // "MLZ1"
const HEADER = 16;
/** Inputs are limited so a row index and a byte fit in one 32-bit word in the inverse transform. */
export const MAX_INPUT = (1 << 24) - 2;

// ---------------------------------------------------------------- logistic tables

/** 4096 / (1 + e^(-(i - 16) / 2)), for i = 0..32, rounded into 1..4095. */
const LOGISTIC = [1, 2, 4, 6, 10, 17, 27, 45, 74, 120, 194, 311, 488, 747, 1102, 1546, 2048, 2550, 2994, 3349, 3608, 3785, 3902, 3976, 4022, 4051, 4069, 4079, 4086, 4090, 4092, 4094, 4095];

/** Probability (12 bits) from a log-odds value in -2047..2047 (8 fractional bits), by linear interpolation. */
function squash(d: number): number {
	if (d > 2047) return 4095;
	if (d < -2047) return 1;
	const w = d & 127;
	const i = (d >> 7) + 16;
	return (LOGISTIC[i]! * (128 - w) + LOGISTIC[i + 1]! * w + 64) >> 7;
}

/** The inverse of squash: for each 12-bit probability, the smallest log-odds value that reaches it. */
const STRETCH = (() => {
	const t = new Int16Array(4096);
	let pi = 0;
	for (let x = -2047; x <= 2047; x++) {
		const v = squash(x);
		for (let j = pi; j <= v; j++) t[j] = x;
		pi = v + 1;
	}
	for (let j = pi; j < 4096; j++) t[j] = 2047;
	return t;
})();

/** 4096 / (n + 1.6): the step of an adaptive counter that has seen n bits. */
const RECIPROCAL = (() => {
	const t = new Int32Array(256);
	for (let n = 0; n < 256; n++) t[n] = floor(40960 / (10 * n + 16));
	return t;
})();

// ---------------------------------------------------------------- the model and the coder

const BUCKET_BITS = 16; // order-2 contexts and half-bytes hashed into 2^17 buckets of 16 bit-slots
const MIX_INPUTS = 6;
const COUNT_LIMIT = 255;
const APM_CONTEXTS = 256;
/** Mixer weights (1.0 = 65536) stay within ±8 so every product with a log-odds value fits in 32 bits. */
const WEIGHT_LIMIT = 1 << 19;
function clampWeight(w: number): number {
	return w > WEIGHT_LIMIT ? WEIGHT_LIMIT : w < -WEIGHT_LIMIT ? -WEIGHT_LIMIT : w;
}

/**
 * Codes the BWT output bit by bit (most significant first). One function both
 * encodes (`input` given) and decodes (`packed` given), so the two sides run
 * the very same model: a bit is predicted from the bits of the current byte
 * (order 0), the previous byte (order 1) and the two previous bytes (order 2,
 * hashed), each with a slow adaptive counter and a fast one; a logistic mixer
 * chosen by the partial byte and the run length combines them, and an order-1
 * secondary estimate refines the result. All state is in local variables and
 * typed arrays: this loop is the whole cost of unpacking.
 */
function codeBits(n: number, input: Uint8Array | null, packed: Uint8Array | null, packedFrom: number): Uint8Array {
	const coder = newCoder(n, input, packed, packedFrom);
	codeBytes(coder, n);
	return finishCoder(coder);
}

/** Everything the coder carries from one byte to the next, so a long decode can be cut into slices (codeBytes). */
interface Coder {
	readonly n: number;
	readonly input: Uint8Array | null;
	readonly packed: Uint8Array | null;
	readonly o0: Uint16Array;
	readonly o1: Uint32Array;
	readonly o2: Uint32Array;
	readonly weights: Int32Array;
	readonly apm: Uint16Array;
	readonly out: Uint8Array;
	/** Bytes coded so far. */
	done: number;
	outLen: number;
	pos: number;
	x1: number;
	x2: number;
	x: number;
	c1: number;
	c2: number;
	run: number;
}

function newCoder(n: number, input: Uint8Array | null, packed: Uint8Array | null, packedFrom: number): Coder {
	const decoding = input === null;
	// counters: probability in the high 16 bits, the number of bits seen (slow counters) in the low 8
	const o0 = new Uint16Array(256).fill(32768);
	// slow counter (probability << 16 | bits seen) and fast counter (probability << 16) side by side
	const o1 = new Uint32Array(2 << 16);
	const o2 = new Uint32Array(2 << (BUCKET_BITS + 4));
	for (let i = 0; i < o1.length; i++) o1[i] = 0x80000000;
	for (let i = 0; i < o2.length; i++) o2[i] = 0x80000000;
	const weights = new Int32Array(256 * 4 * MIX_INPUTS).fill(16384);
	const apm = new Uint16Array(APM_CONTEXTS * 33);
	for (let j = 0; j < 33; j++) apm[j] = squash((j - 16) * 128) * 16;
	for (let c = 1; c < APM_CONTEXTS; c++) apm.copyWithin(c * 33, 0, 33);
	const out = decoding ? new Uint8Array(n) : new Uint8Array(n + (n >> 1) + 64);
	let pos = packedFrom;
	let x = 0;
	if (decoding) for (let i = 0; i < 4; i++) x = ((x << 8) | (pos < packed!.length ? packed![pos++]! : 0)) >>> 0;
	return { n, input, packed, o0, o1, o2, weights, apm, out, done: 0, outLen: 0, pos, x1: 0, x2: 0xffffffff, x, c1: 0, c2: 0, run: 0 };
}

/** The coded bytes (encoding) or the decoded ones, once every byte is coded. */
function finishCoder(coder: Coder): Uint8Array {
	const { out } = coder;
	if (coder.input === null) return out;
	let outLen = coder.outLen;
	for (let s = 24; s >= 0; s -= 8) out[outLen++] = (coder.x1 >>> s) & 255;
	return out.subarray(0, outLen);
}

/**
 * Codes bytes up to `until` (exclusive). The state lives in locals while a
 * slice runs (so a slice is as fast as the whole) and goes back to `coder` after.
 */
function codeBytes(coder: Coder, until: number): void {
	const { input, packed, o0, o1, o2, weights, apm, out } = coder;
	const decoding = input === null;
	let { outLen, pos, x1, x2, x, c1, c2, run } = coder;
	const end = until < coder.n ? until : coder.n;
	for (let i = coder.done; i < end; i++) {
		const byte = decoding ? 0 : input[i]!;
		const base1 = c1 << 8;
		const ctx2 = imul((c2 << 8) | c1, 0x9e3779b1);
		let base2 = (ctx2 >>> (32 - BUCKET_BITS)) << 4;
		let j = 1;
		const runCtx = run > 2 ? 3 : run;
		let c0 = 1;
		for (let b = 7; b >= 0; b--) {
			// predict
			if (b === 3) {
				base2 = ((imul(ctx2 ^ c0, 0x85ebca6b) >>> (32 - BUCKET_BITS)) << 4);
				j = 1;
			}
			const i1 = (base1 | c0) << 1;
			const i2 = (base2 | j) << 1;
			const s1 = o1[i1]!;
			const s2 = o2[i2]!;
			const st0 = STRETCH[o0[c0]! >>> 4]!;
			const st1 = STRETCH[s1 >>> 20]!;
			const st2 = STRETCH[s2 >>> 20]!;
			const st3 = STRETCH[o1[i1 + 1]! >>> 20]!;
			const st4 = STRETCH[o2[i2 + 1]! >>> 20]!;
			const wi = ((c0 << 2) | runCtx) * MIX_INPUTS;
			const dot = (imul(weights[wi]!, st0) >> 16) + (imul(weights[wi + 1]!, st1) >> 16) + (imul(weights[wi + 2]!, st2) >> 16) + (imul(weights[wi + 3]!, st3) >> 16) + (imul(weights[wi + 4]!, st4) >> 16) + (imul(weights[wi + 5]!, 256) >> 16);
			const pm = squash(dot);
			const s = STRETCH[pm]! + 2048;
			const aw = s & 127;
			const ai = c0 * 33 + (s >> 7);
			const pa = (apm[ai]! * (128 - aw) + apm[ai + 1]! * aw) >> 11;
			let p = (pm + 3 * pa) >> 2;
			p = p < 1 ? 1 : p > 4095 ? 4095 : p;

			// code the bit
			const range = x2 - x1;
			const xmid = x1 + (range >>> 12) * p + (((range & 4095) * p) >>> 12);
			const y = decoding ? (x <= xmid ? 1 : 0) : (byte >> b) & 1;
			if (y === 1) x2 = xmid;
			else x1 = xmid + 1;
			while (((x1 ^ x2) & 0xff000000) === 0) {
				if (decoding) x = ((x << 8) | (pos < packed!.length ? packed![pos++]! : 0)) >>> 0;
				else out[outLen++] = x2 >>> 24;
				x1 = (x1 << 8) >>> 0;
				x2 = ((x2 << 8) | 255) >>> 0;
			}

			// update
			const target = y === 1 ? 65535 : 0;
			o0[c0] = o0[c0]! + ((target - o0[c0]!) >> 5);
			const n1 = s1 & 255;
			const p1 = s1 >>> 16;
			o1[i1] = (((p1 + (imul(target - p1, RECIPROCAL[n1]!) >> 12)) << 16) | (n1 < COUNT_LIMIT ? n1 + 1 : n1)) >>> 0;
			const n2 = s2 & 255;
			const p2 = s2 >>> 16;
			o2[i2] = (((p2 + (imul(target - p2, RECIPROCAL[n2]!) >> 12)) << 16) | (n2 < COUNT_LIMIT ? n2 + 1 : n2)) >>> 0;
			const q1 = o1[i1 + 1]! >>> 16;
			o1[i1 + 1] = (q1 + ((target - q1) >> 3)) << 16 >>> 0;
			const q2 = o2[i2 + 1]! >>> 16;
			o2[i2 + 1] = (q2 + ((target - q2) >> 3)) << 16 >>> 0;
			const err = ((y << 12) - pm) * 6;
			weights[wi] = clampWeight(weights[wi]! + (imul(st0, err) >> 14));
			weights[wi + 1] = clampWeight(weights[wi + 1]! + (imul(st1, err) >> 14));
			weights[wi + 2] = clampWeight(weights[wi + 2]! + (imul(st2, err) >> 14));
			weights[wi + 3] = clampWeight(weights[wi + 3]! + (imul(st3, err) >> 14));
			weights[wi + 4] = clampWeight(weights[wi + 4]! + (imul(st4, err) >> 14));
			weights[wi + 5] = clampWeight(weights[wi + 5]! + (imul(256, err) >> 14));
			const g = (y << 16) + (y << 5) - y - y;
			apm[ai] = apm[ai]! + (imul(g - apm[ai]!, 128 - aw) >> 14);
			apm[ai + 1] = apm[ai + 1]! + (imul(g - apm[ai + 1]!, aw) >> 14);
			c0 = (c0 << 1) | y;
			j = (j << 1) | y;
		}
		const c = c0 & 255;
		if (decoding) out[i] = c;
		run = c === c1 ? run + 1 : 0;
		c2 = c1;
		c1 = c;
	}
	coder.done = end;
	coder.outLen = outLen;
	coder.pos = pos;
	coder.x1 = x1;
	coder.x2 = x2;
	coder.x = x;
	coder.c1 = c1;
	coder.c2 = c2;
	coder.run = run;
}

// ---------------------------------------------------------------- checksum and header

/** FNV-1a, 32 bits. */
export function fnv1a(bytes: Uint8Array): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < bytes.length; i++) h = imul(h ^ bytes[i]!, 0x01000193);
	return h >>> 0;
}

function writeU32(out: Uint8Array, at: number, v: number): void {
	out[at] = v & 255;
	out[at + 1] = (v >>> 8) & 255;
	out[at + 2] = (v >>> 16) & 255;
	out[at + 3] = (v >>> 24) & 255;
}

function readU32(b: Uint8Array, at: number): number {
	return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

// ---------------------------------------------------------------- Burrows–Wheeler transform

/**
 * Suffix array by prefix doubling with two counting-sort passes per round.
 * Build-time only; a few seconds for a few megabytes.
 */
export function suffixArray(s: Uint8Array): Int32Array {
	const n = s.length;
	let rank = new Int32Array(n);
	let next = new Int32Array(n);
	const sa = new Int32Array(n);
	const bySecond = new Int32Array(n);
	for (let i = 0; i < n; i++) rank[i] = s[i]! + 1;
	let ranks = 257;
	for (let k = 1; n > 1; k <<= 1) {
		const count = new Int32Array(ranks + 1);
		const second = (i: number): number => (i + k < n ? rank[i + k]! : 0);
		for (let i = 0; i < n; i++) count[second(i)]!++;
		for (let r = 1; r <= ranks; r++) count[r]! += count[r - 1]!;
		for (let i = n - 1; i >= 0; i--) bySecond[--count[second(i)]!] = i;
		count.fill(0);
		for (let i = 0; i < n; i++) count[rank[i]!]!++;
		for (let r = 1; r <= ranks; r++) count[r]! += count[r - 1]!;
		for (let i = n - 1; i >= 0; i--) {
			const j = bySecond[i]!;
			sa[--count[rank[j]!]!] = j;
		}
		let r = 1;
		next[sa[0]!] = 1;
		for (let i = 1; i < n; i++) {
			const a = sa[i - 1]!;
			const b = sa[i]!;
			if (rank[a] !== rank[b] || second(a) !== second(b)) r++;
			next[b] = r;
		}
		[rank, next] = [next, rank];
		ranks = r;
		if (r === n) break;
	}
	if (n === 1) sa[0] = 0;
	return sa;
}

/** The inverse transform follows this many chains side by side: their memory reads overlap instead of queueing. */
const CHAINS = 16;

/** Where each chain starts in the text: 0, c, 2c, ... below n, c = ceil(n / CHAINS). */
function chainLength(n: number): number {
	return Math.max(1, Math.ceil(n / CHAINS));
}
function chainCount(n: number): number {
	return n === 0 ? 0 : Math.ceil(n / chainLength(n));
}

/**
 * The last column of the sorted rotations of `s` + end marker, without the
 * marker; the row the marker was in (the row of the text's start); and the
 * rows of the other chain starts.
 */
export function bwt(s: Uint8Array): { last: Uint8Array; primary: number; starts: number[] } {
	const n = s.length;
	const last = new Uint8Array(n);
	const starts = new Array<number>(Math.max(0, chainCount(n) - 1)).fill(0);
	if (n === 0) return { last, primary: 0, starts };
	const chunk = chainLength(n);
	const sa = suffixArray(s);
	last[0] = s[n - 1]!; // the row of the end marker alone sorts first
	let primary = 0;
	let j = 1;
	for (let i = 0; i < n; i++) {
		const at = sa[i]!;
		if (at % chunk === 0 && at > 0) starts[at / chunk - 1] = i + 1;
		if (at === 0) primary = i + 1;
		else last[j++] = s[at - 1]!;
	}
	return { last, primary, starts };
}

/** The text back from its transform: one pass to link rows, one to walk them (16 chains at a time when their starts are given). */
export function unbwt(last: Uint8Array, primary: number, starts: readonly number[] = []): Uint8Array {
	const steps = unbwtInSlices(last, primary, starts, Infinity);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** unbwt with a yield after every `sliceRows` rows of each pass, so a caller can give the app a turn (decompressTextInSlices). */
function* unbwtInSlices(last: Uint8Array, primary: number, starts: readonly number[], sliceRows: number): Generator<void, Uint8Array, void> {
	const n = last.length;
	const out = new Uint8Array(n);
	if (n === 0) return out;
	if (primary < 1 || primary > n) throw new Error("bad primary index");
	if (starts.some((r) => !(r >= 1 && r <= n))) throw new Error("bad chain start");
	const start = new Int32Array(256);
	for (let i = 0; i < n; i++) start[last[i]!]!++;
	let sum = 1; // row 0 of the first column is the end marker
	for (let c = 0; c < 256; c++) {
		const t = start[c]!;
		start[c] = sum;
		sum += t;
	}
	// link[f] = (row of the same character in the last column) * 256 + that character
	const link = new Uint32Array(n + 1);
	link[0] = primary * 256;
	for (let from = 0; from <= n; from += sliceRows) {
		const to = Math.min(n + 1, from + sliceRows);
		for (let row = from; row < to; row++) {
			if (row === primary) continue;
			const c = last[row < primary ? row : row - 1]!;
			link[start[c]!++] = row * 256 + c;
		}
		yield;
	}
	if (starts.length === 0) {
		let p = primary;
		for (let i = 0; i < n; i++) {
			const v = link[p]!;
			out[i] = v & 255;
			p = v >>> 8;
		}
		return out;
	}
	if (starts.length !== chainCount(n) - 1) throw new Error("bad chain count");
	const chunk = chainLength(n);
	const rows = Int32Array.from([primary, ...starts]);
	const chains = rows.length;
	const stepsPerSlice = Math.max(1, Math.floor(sliceRows / chains));
	for (let from = 0; from < chunk; from += stepsPerSlice) {
		const to = Math.min(chunk, from + stepsPerSlice);
		for (let step = from; step < to; step++) {
			for (let c = 0; c < chains; c++) {
				const at = c * chunk + step;
				if (at >= n) break;
				const v = link[rows[c]!]!;
				out[at] = v & 255;
				rows[c] = v >>> 8;
			}
		}
		yield;
	}
	return out;
}

// ---------------------------------------------------------------- compress / decompress

export function compressText(input: Uint8Array): Uint8Array {
	if (input.length > MAX_INPUT) throw new Error(`The notes are ${input.length} bytes; the pack holds at most ${MAX_INPUT}.`);
	const { last, primary, starts } = bwt(input);
	const coded = codeBits(last.length, last, null, 0);
	const body = HEADER + 4 * starts.length;
	const out = new Uint8Array(body + coded.length);
	out.set(MAGIC, 0);
	writeU32(out, 4, input.length);
	writeU32(out, 8, primary);
	writeU32(out, 12, fnv1a(input));
	starts.forEach((row, i) => writeU32(out, HEADER + 4 * i, row));
	out.set(coded, body);
	return out;
}

/** A pack's header, checked: what decoding needs before the first bit. */
function readPack(packed: Uint8Array): { n: number; primary: number; checksum: number; starts: number[]; from: number } {
	if (packed.length < HEADER || MAGIC.some((m, i) => packed[i] !== m)) throw new Error("not a notes pack (bad header)");
	const n = readU32(packed, 4);
	const primary = readU32(packed, 8);
	const checksum = readU32(packed, 12);
	if (n > MAX_INPUT) throw new Error("damaged notes pack (length out of range)");
	if (n > 0 && (primary < 1 || primary > n)) throw new Error("damaged notes pack (bad transform index)");
	const starts = Array.from({ length: Math.max(0, chainCount(n) - 1) }, (_, i) => readU32(packed, HEADER + 4 * i));
	if (starts.some((r) => !(r >= 1 && r <= n))) throw new Error("damaged notes pack (bad transform index)");
	return { n, primary, checksum, starts, from: HEADER + 4 * starts.length };
}

/** The text from its inverse transform, or an error when the checksum says it is not the text packed. */
function checkedText(out: Uint8Array, checksum: number): Uint8Array {
	if (fnv1a(out) !== checksum) throw new Error("damaged notes pack (checksum mismatch)");
	return out;
}

/** The original bytes, or an error saying the stream is damaged (never wrong bytes). */
export function decompressText(packed: Uint8Array): Uint8Array {
	const { n, primary, checksum, starts, from } = readPack(packed);
	return checkedText(unbwt(codeBits(n, null, packed, from), primary, starts), checksum);
}

/** How decompressTextInSlices gives the rest of the app a turn. */
export interface SliceOptions {
	/** Resolves when the caller is ready for the next slice (in Obsidian: after a task, so the UI stays responsive). */
	pause: () => Promise<void>;
	/** Told the share decoded so far, from 0 to 1, after each slice. */
	onProgress?: (fraction: number) => void;
	/** Bytes decoded per slice (64 kB: about 30 ms on a desktop, 100 ms on a phone). */
	sliceBytes?: number;
}

/**
 * decompressText cut into slices with a pause between them, so unpacking the
 * notes (one to several seconds on a phone) never freezes the app. The same
 * decoder and the same checks: the result is byte for byte decompressText's.
 */
export async function decompressTextInSlices(packed: Uint8Array, options: SliceOptions): Promise<Uint8Array> {
	const { n, primary, checksum, starts, from } = readPack(packed);
	const slice = Math.max(1, options.sliceBytes ?? 1 << 16);
	const coder = newCoder(n, null, packed, from);
	while (coder.done < n) {
		codeBytes(coder, coder.done + slice);
		options.onProgress?.(coder.done / n);
		await options.pause();
	}
	const steps = unbwtInSlices(finishCoder(coder), primary, starts, slice * 4);
	let step = steps.next();
	while (!step.done) {
		await options.pause();
		step = steps.next();
	}
	const out = checkedText(step.value, checksum);
	options.onProgress?.(1);
	return out;
}
