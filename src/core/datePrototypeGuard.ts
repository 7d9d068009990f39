/**
 * ts-fsrs 5 adds four deprecated helpers to `Date.prototype` when it is
 * loaded. A plugin must not change globals it shares with Obsidian and other
 * plugins, so this module records those slots before ts-fsrs loads (import it
 * first) and `restoreDatePrototype()` puts them back afterwards. ts-fsrs does
 * not use the helpers itself.
 */
const PATCHED = ["scheduler", "diff", "format", "dueFormat"] as const;

const proto = Date.prototype as unknown as Record<string, unknown>;
const before = new Map(PATCHED.map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)] as const));

export function restoreDatePrototype(): void {
	for (const [key, descriptor] of before) {
		if (descriptor) Object.defineProperty(proto, key, descriptor);
		else delete proto[key];
	}
}
