/**
 * Parses Mermaid diagrams with the real mermaid package on a happy-dom
 * window (mermaid needs a DOM even to parse). Loaded lazily: only doctor
 * runs that check diagrams pay for it.
 */
type Parse = (code: string) => Promise<unknown>;

let parser: Promise<Parse> | null = null;

const DOM_GLOBALS = ["window", "document", "navigator", "Element", "HTMLElement", "SVGElement", "Node", "DOMParser"];

async function loadParser(): Promise<Parse> {
	const { Window } = await import("happy-dom");
	const window = new Window();
	const g = globalThis as Record<string, unknown>;
	const w = window as unknown as Record<string, unknown>;
	for (const key of DOM_GLOBALS) {
		if (g[key] !== undefined) continue;
		Object.defineProperty(g, key, { value: key === "window" ? window : w[key], configurable: true, writable: true });
	}
	const mermaid = (await import("mermaid")).default;
	mermaid.initialize({ startOnLoad: false });
	return (code) => mermaid.parse(code);
}

function messageOf(e: unknown): string {
	if (e instanceof Error) return e.message;
	if (typeof e === "object" && e !== null && "str" in e) return String(e.str);
	return String(e);
}

/** Resolves to the parse error's message, or null when the diagram parses. */
export async function checkMermaid(code: string): Promise<string | null> {
	parser ??= loadParser();
	const parse = await parser;
	try {
		await parse(code);
		return null;
	} catch (e) {
		return messageOf(e).trim() || "unknown parse error";
	}
}
