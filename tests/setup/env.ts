/**
 * Gives every test file a DOM (happy-dom) before the Obsidian stand-in loads,
 * and a fixed timezone, so dates in notes are the same everywhere.
 */
import { Window } from "happy-dom";

process.env.TZ = "UTC";
const g = globalThis as Record<string, unknown>;
if (g.document === undefined) {
	const window = new Window({ url: "http://localhost/" });
	for (const key of [
		"document", "Node", "HTMLElement", "HTMLInputElement", "HTMLSelectElement", "HTMLButtonElement",
		"DocumentFragment", "Element", "Event", "KeyboardEvent", "MouseEvent", "InputEvent",
	]) {
		g[key] = (window as unknown as Record<string, unknown>)[key];
	}
	g.window = globalThis;
}
