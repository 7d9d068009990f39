import fc from "fast-check";
import { baseTokens, lineDiff, mergeNote } from "../../src/core/merge";

const BASE = [
	"---", "tags: [mlsd/framework-step]", "step: 1", "---", "# Step 1", "",
	"Ask about the users.", "", "## Checklist", "- [ ] Who are the users?", "- [ ] What is the scale?", "- [ ] Latency budget?", "",
	"## Flashcards", "What is recall?::TP / (TP + FN)", "What is precision?::TP / (TP + FP)", "",
	"## See also", "- [[Step 2]]", "",
].join("\n");

/** The new version: reworded intro, one checklist item reworded, one added, a new section at the end. */
const NEW = BASE
	.replace("Ask about the users.", "Ask who the users are and what they need.")
	.replace("- [ ] What is the scale?", "- [ ] What is the scale (users, QPS)?")
	.replace("- [ ] Latency budget?", "- [ ] Latency budget?\n- [ ] Which metric matters?")
	.replace("- [[Step 2]]\n", "- [[Step 2]]\n- [[Step 3]]\n");

const merge = (mine: string, theirs = NEW, base = BASE) => mergeNote(baseTokens(base), mine, theirs);

describe("mergeNote", () => {
	it("takes the new version when the user changed nothing", () => {
		expect(merge(BASE).text).toBe(NEW);
	});
	it("keeps the user's note when the new version changed nothing", () => {
		const mine = BASE.replace("Ask about the users.", "Ask about the users (my words).");
		expect(merge(mine, BASE).text).toBe(mine);
	});
	it("carries a tick into the new version, also on a line the new version reworded", () => {
		const mine = BASE.replace("- [ ] Who are the users?", "- [x] Who are the users?").replace("- [ ] What is the scale?", "- [x] What is the scale?");
		const r = merge(mine);
		expect(r.conflicts).toEqual([]);
		expect(r.text).toContain("- [x] Who are the users?");
		expect(r.text).toContain("- [x] What is the scale (users, QPS)?");
		expect(r.text).toContain("- [ ] Which metric matters?");
		expect(r.text).toContain("Ask who the users are and what they need.");
	});
	it("carries Spaced Repetition comments, inline and on their own line", () => {
		const mine = BASE.replace("What is recall?::TP / (TP + FN)", "What is recall?::TP / (TP + FN) <!--SR:!2026-03-01,3,250-->")
			.replace("What is precision?::TP / (TP + FP)", "What is precision?::TP / (TP + FP)\n<!--SR:!2026-03-04,6,270-->");
		const theirs = NEW.replace("What is recall?::TP / (TP + FN)", "What is recall?::TP / (TP + FN), the share of positives found")
			.replace("What is precision?::TP / (TP + FP)", "What is precision?::TP / (TP + FP), the share of flagged that are right");
		const r = merge(mine, theirs);
		expect(r.conflicts).toEqual([]);
		expect(r.text).toContain("What is recall?::TP / (TP + FN), the share of positives found <!--SR:!2026-03-01,3,250-->");
		expect(r.text).toContain("What is precision?::TP / (TP + FP), the share of flagged that are right\n<!--SR:!2026-03-04,6,270-->");
	});
	it("keeps a ## My notes section where the user put it, also when the new version changes the lines around it", () => {
		const atEnd = BASE + "\n## My notes\nAsked this at my last interview.\n";
		const r1 = merge(atEnd);
		expect(r1.text).toBe(NEW + "\n## My notes\nAsked this at my last interview.\n");
		const middle = BASE.replace("## See also", "## My notes\n\nMine.\n\n## See also");
		const r2 = merge(middle);
		expect(r2.conflicts).toEqual([]);
		expect(r2.text).toBe(NEW.replace("## See also", "## My notes\n\nMine.\n\n## See also"));
	});
	it("merges an edit that does not overlap the new version's changes", () => {
		const mine = BASE.replace("## Flashcards", "## Flashcards\nMy extra card::my answer");
		const r = merge(mine);
		expect(r.text).toBe(NEW.replace("## Flashcards", "## Flashcards\nMy extra card::my answer"));
		expect(r.kept).toBe(1);
	});
	it("keeps both when the user and the new version add lines at the same place", () => {
		const mine = BASE.replace("- [[Step 2]]\n", "- [[Step 2]]\n- [[My own note]]\n");
		expect(merge(mine).text).toContain("- [[Step 2]]\n- [[Step 3]]\n- [[My own note]]\n");
	});
	it("reports a true conflict, keeps nothing of it in `text`, and never writes markers", () => {
		const mine = BASE.replace("Ask about the users.", "I think: ask about the buyers first.");
		const r = merge(mine);
		expect(r.text).toBeNull();
		expect(r.conflicts).toHaveLength(1);
		// The partial merge applies every other change and keeps the user's side of the conflict.
		expect(r.partial).toContain("I think: ask about the buyers first.");
		expect(r.partial).toContain("- [ ] Which metric matters?");
		expect(r.partial).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
	});
	it("is stable: merging again with the new version as base changes nothing", () => {
		const mine = BASE.replace("- [ ] Who are the users?", "- [x] Who are the users?") + "\n## My notes\nx\n";
		const once = merge(mine).text!;
		expect(mergeNote(baseTokens(NEW), once, NEW).text).toBe(once);
	});
	it("keeps CRLF line endings of a note a sync tool rewrote", () => {
		const mine = BASE.replace("- [ ] Who are the users?", "- [x] Who are the users?").replace(/\n/g, "\r\n");
		const r = merge(mine);
		expect(r.text).toBe(NEW.replace("- [ ] Who are the users?", "- [x] Who are the users?").replace(/\n/g, "\r\n"));
	});
});

describe("lineDiff", () => {
	it("shows shared, removed and added lines, and flags conflicting ones", () => {
		const mine = BASE.replace("Ask about the users.", "Mine.");
		const r = merge(mine);
		const rows = lineDiff(mine, NEW, r.conflicts);
		expect(rows.filter((x) => x.kind === "mine").map((x) => x.text)).toEqual(["Mine.", "- [ ] What is the scale?"]);
		expect(rows.find((x) => x.text === "Mine.")?.conflict).toBe(true);
		expect(rows.find((x) => x.text === "- [ ] What is the scale (users, QPS)?")?.conflict).toBeUndefined();
		expect(rows.filter((x) => x.kind !== "theirs").map((x) => x.text).join("\n")).toBe(mine);
		expect(rows.filter((x) => x.kind !== "mine").map((x) => x.text).join("\n")).toBe(NEW);
	});
});

// Property: random edit/update sequences. Lines carry ids, so what each side
// contributed can be found again: the user's words (U…), SR comments (SR…),
// ticks; the new versions' words (S…).
type Line = string;
const lineArb: fc.Arbitrary<(id: number) => Line> = fc.constantFrom(
	(id: number) => `Plain L${id} text`,
	(id: number) => `- [ ] Task L${id}`,
	(id: number) => `Q${id}?::A${id}`,
	(id: number) => `## Heading L${id}`,
	() => "",
);
type UserOp = { k: "tick" | "sr" | "srline" | "replace" | "insert" | "delete" | "mynotes"; i: number };
type ShipOp = { k: "reword" | "replace" | "insert" | "delete"; i: number };
const userOp = fc.record({ k: fc.constantFrom("tick", "sr", "srline", "replace", "insert", "delete", "mynotes" as const), i: fc.nat(40) }) as fc.Arbitrary<UserOp>;
const shipOp = fc.record({ k: fc.constantFrom("reword", "replace", "insert", "delete" as const), i: fc.nat(40) }) as fc.Arbitrary<ShipOp>;

describe("mergeNote over random edit/update sequences (property)", () => {
	it("loses no user byte and applies every non-conflicting shipped change", () => {
		let fresh = 0;
		let merges = 0;
		let clean = 0;
		fc.assert(fc.property(
			fc.array(lineArb, { minLength: 3, maxLength: 25 }),
			fc.array(fc.record({ user: fc.array(userOp, { maxLength: 4 }), ship: fc.array(shipOp, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 4 }),
			(makers, rounds) => {
				let shipped = makers.map((m, id) => m(id));
				let base = shipped.join("\n") + "\n";
				let mine = base;
				let hasMyNotes = false;
				for (const round of rounds) {
					// The user edits their note.
					const lines = mine.replace(/\n$/, "").split("\n");
					const ticked = new Set<string>();
					for (const op of round.user) {
						const i = op.i % Math.max(lines.length, 1);
						const line = lines[i] ?? "";
						const id = /L\d+|Q\d+/.exec(line)?.[0];
						if (op.k === "tick" && line.startsWith("- [ ] ")) lines[i] = line.replace("- [ ] ", "- [x] ");
						else if (op.k === "sr" && /::/.test(line) && !line.includes("<!--SR")) lines[i] = `${line} <!--SR:!2026-0${(fresh++ % 9) + 1}-01,${fresh},250-->`;
						else if (op.k === "srline" && /::/.test(line) && !(lines[i + 1] ?? "").includes("<!--SR")) lines.splice(i + 1, 0, `<!--SR:!2026-01-0${(fresh++ % 9) + 1},${fresh},230-->`);
						else if (op.k === "replace" && line !== "" && !line.includes("My notes")) lines[i] = `U${fresh++} my words`;
						else if (op.k === "insert") lines.splice(i, 0, `U${fresh++} my line`);
						else if (op.k === "delete" && lines.length > 1 && !/U\d|SR|My notes/.test(line)) lines.splice(i, 1);
						else if (op.k === "mynotes" && !hasMyNotes) {
							lines.push("", "## My notes", `U${fresh++} my section`);
							hasMyNotes = true;
						}
						if (id && lines[i]?.startsWith("- [x]")) ticked.add(id);
					}
					mine = lines.join("\n") + "\n";
					// A new version ships.
					const next = [...shipped];
					for (const op of round.ship) {
						const i = op.i % Math.max(next.length, 1);
						if (op.k === "reword" && next[i]) next[i] = `${next[i]} S${fresh++}`;
						else if (op.k === "replace") next[i] = `S${fresh++} new words`;
						else if (op.k === "insert") next.splice(i, 0, `S${fresh++} new line`);
						else if (op.k === "delete" && next.length > 1) next.splice(i, 1);
					}
					const theirs = next.join("\n") + "\n";
					const r = mergeNote(baseTokens(base), mine, theirs);
					merges++;
					if (r.text !== null) clean++;
					const userTokens = mine.match(/U\d+|<!--SR:[^>]*-->/g) ?? [];
					for (const t of userTokens) expect(r.partial).toContain(t);
					expect(r.partial).not.toMatch(/^(<<<<<<<|>>>>>>>)/m);
					if (r.text !== null) {
						expect(r.partial).toBe(r.text);
						for (const t of userTokens) expect(r.text).toContain(t);
						for (const t of (theirs.match(/S\d+/g) ?? []).filter((x) => !new RegExp(`\\b${x}\\b`).test(base))) {
							// Every shipped change lands, unless the user deleted the line it reworded.
							const line = theirs.split("\n").find((l) => l.includes(t))!;
							const id = /L\d+|Q\d+/.exec(line)?.[0];
							if (!id || mine.includes(id)) expect(r.text).toContain(t);
						}
						for (const id of ticked) {
							const line = r.text.split("\n").find((l) => new RegExp(`\\b${id}\\b`).test(l));
							if (line && mine.split("\n").some((l) => l.startsWith("- [x]") && new RegExp(`\\b${id}\\b`).test(l))) expect(line.startsWith("- [x]")).toBe(true);
						}
						// Merging again against the same version changes nothing.
						expect(mergeNote(baseTokens(theirs), r.text, theirs).text).toBe(r.text);
						mine = r.text;
						base = theirs;
					}
					shipped = next;
				}
			},
		), { numRuns: 1000 });
		// The sequences exercise both outcomes: most merge cleanly, some conflict.
		expect(clean / merges).toBeGreaterThan(0.5);
		expect(clean).toBeLessThan(merges);
	});
});
