/**
 * Content hashing shared by the build, the plugin and the CLI, so that one
 * install record means the same thing everywhere. Line endings are normalised
 * first, so a sync tool that rewrites CRLF does not look like a user edit.
 */
export function normalizeLineEndings(text: string): string {
	return text.replace(/\r\n?/g, "\n");
}

/**
 * Math.imul held in a module constant: looked up on `Math` in the loop, it is
 * up to 30 times slower where the global object is a proxy (jest's vm
 * contexts, some sandboxes).
 */
const imul = Math.imul;

/** cyrb53: a fast 53-bit string hash; ample for telling versions of a note apart. */
function cyrb53(text: string, seed = 0): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = imul(h1 ^ ch, 2654435761);
		h2 = imul(h2 ^ ch, 1597334677);
	}
	h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function contentHash(text: string): string {
	const normal = normalizeLineEndings(text);
	return cyrb53(normal).toString(16).padStart(14, "0") + cyrb53(normal, 7).toString(16).padStart(14, "0");
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** A 42-bit hash of one line as 7 URL-safe characters: the unit of the stored merge bases. */
export function lineHash(text: string): string {
	let n = cyrb53(text, 11);
	let out = "";
	for (let i = 0; i < 7; i++) {
		out += B64[n % 64];
		n = Math.floor(n / 64);
	}
	return out;
}
