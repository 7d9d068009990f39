import {
	checklistItems, codeBlocks, countWords, flashcards, headings, listItems, sectionText, splitFrontmatter, wikilinks,
} from "../../src/core/markdown";

const NOTE = [
	"---",
	"type: concept",
	"---",
	"Intro with [[Feature store]] and [[Two-tower model|two towers]].",
	"",
	"## How it works",
	"See [[NDCG#Flashcards]] and `[[not a link]]`.",
	"```mermaid",
	"flowchart LR",
	'  A["[[also not a link]]"] --> B',
	"```",
	"### Detail",
	"- [ ] first item",
	"- [x] done item",
	"## Flashcards",
	"What is NDCG?::DCG divided by the ideal DCG",
	"Not a card ::: triple",
	"- Bullet question::bullet answer",
].join("\n");

describe("splitFrontmatter", () => {
	it("separates YAML and body and reports where the body starts", () => {
		const s = splitFrontmatter(NOTE);
		expect(s.yaml).toBe("type: concept");
		expect(s.bodyStartLine).toBe(4);
		expect(s.body.startsWith("Intro")).toBe(true);
	});
	it("treats an unclosed fence as no frontmatter", () => {
		expect(splitFrontmatter("---\ntype: x\nbody").yaml).toBeNull();
	});
	it("normalises CRLF", () => {
		expect(splitFrontmatter("---\r\na: 1\r\n---\r\nbody").body).toBe("body");
	});
});

describe("wikilinks", () => {
	it("finds links outside code with alias, heading and line", () => {
		const body = splitFrontmatter(NOTE);
		const links = wikilinks(body.body, body.bodyStartLine);
		expect(links.map((l) => [l.target, l.heading, l.alias, l.line])).toEqual([
			["Feature store", null, null, 4],
			["Two-tower model", null, "two towers", 4],
			["NDCG", "Flashcards", null, 7],
		]);
	});
	it("reads block references separately from headings", () => {
		const [l] = wikilinks("[[Note#^abc123]]");
		expect(l).toMatchObject({ target: "Note", heading: null, block: "abc123" });
	});
});

describe("sections", () => {
	it("returns text up to the next heading of the same level, including subsections", () => {
		const text = sectionText(NOTE, "How it works")!;
		expect(text).toContain("### Detail");
		expect(text).not.toContain("## Flashcards");
	});
	it("returns null for a missing heading and ignores headings inside code", () => {
		expect(sectionText(NOTE, "Missing")).toBeNull();
		expect(headings("```\n# not\n```\n# yes").map((h) => h.text)).toEqual(["yes"]);
	});
	it("reads checklist items with their state", () => {
		expect(checklistItems(sectionText(NOTE, "How it works")!)).toEqual([
			{ text: "first item", done: false },
			{ text: "done item", done: true },
		]);
	});
	it("reads flashcards: ::: lines as reversed cards", () => {
		expect(flashcards(sectionText(NOTE, "Flashcards")!)).toEqual([
			{ question: "What is NDCG?", answer: "DCG divided by the ideal DCG", line: 1 },
			{ question: "Not a card", answer: "triple", reversed: true, line: 2 },
			{ question: "Bullet question", answer: "bullet answer", line: 3 },
		]);
	});
	it("reads plain list items but not tasks", () => {
		expect(listItems("- one\n- [ ] task\n* two")).toEqual(["one", "two"]);
	});
});

describe("codeBlocks and countWords", () => {
	it("finds mermaid blocks with their fence line", () => {
		const blocks = codeBlocks(NOTE);
		expect(blocks).toHaveLength(1);
		expect(blocks[0]).toMatchObject({ lang: "mermaid", line: 8 });
		expect(blocks[0]!.code).toContain("flowchart LR");
	});
	it("counts prose words but not code", () => {
		expect(countWords("one two\n```\nthree four five\n```\nsix")).toBe(3);
		expect(countWords("p99 latency is 120 ms; don't guess")).toBe(7);
	});
});
