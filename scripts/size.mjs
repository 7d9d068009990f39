// `node scripts/size.mjs [--json]`: main.js's size now, and with twice the notes.
//
// Twice the notes, measured rather than imagined: the notes are packed from
// half of the shipped files (every other one) and from all of them; the ratio
// is how much the packed size grows when the notes double with notes of the
// same kind (new notes share words and structure with the old ones).
// main.js with twice today's notes = its code + today's pack × that ratio.
// Sizes are UTF-8 bytes, as main.js is stored.
// Run after a production build (main.js embeds today's pack verbatim).
import { existsSync, readFileSync } from "fs";
import { loadCore } from "./lib/core.mjs";
import { readTemplate, templateModule } from "./lib/embed.mjs";

export const LIMIT = 1_100_000;
/** The notes' size when issue 15 set the budget ("main.js at most 1.1 MB even with twice today's notes"): 228 files. */
export const ISSUE_NOTES_BYTES = 1_571_697;

export async function sizeReport() {
	if (!existsSync("main.js")) throw new Error("main.js is missing: run `npm run build` first.");
	const core = await loadCore();
	const template = await readTemplate();
	const packed = async (t) => Buffer.byteLength((await templateModule(t)).match(/const PACKED = '([^']*)'/)[1]);
	const mainBytes = readFileSync("main.js").length;
	const all = await packed(template);
	const code = mainBytes - all;
	const half = await packed(core.makeTemplate(template.files.filter((_, i) => i % 2 === 0)));
	const raw = template.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
	// Packed size grows as raw^(log2 growth): project to twice the notes the budget was set for.
	const toTwiceIssue = Math.pow((2 * ISSUE_NOTES_BYTES) / raw, Math.log2(all / half));
	return {
		limit: LIMIT,
		issueNotesRawBytes: ISSUE_NOTES_BYTES,
		mainBytesTwiceIssueNotes: Math.round(code + all * toTwiceIssue),
		mainBytes,
		codeBytes: code,
		notesBytes: all,
		notesRawBytes: raw,
		halfNotesBytes: half,
		growthPerDoubling: +(all / half).toFixed(3),
		mainBytesTwiceNotes: Math.round(code + (all * all) / half),
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const r = await sizeReport();
	if (process.argv.includes("--json")) console.log(JSON.stringify(r));
	else {
		const kb = (b) => `${(b / 1000).toFixed(0)} kB`;
		console.log(`main.js ${kb(r.mainBytes)} (code ${kb(r.codeBytes)}, notes ${kb(r.notesBytes)} packed from ${kb(r.notesRawBytes)}); with twice the notes of issue 15 (${kb(2 * r.issueNotesRawBytes)}) ${kb(r.mainBytesTwiceIssueNotes)}; with twice today's ${kb(r.mainBytesTwiceNotes)}; limit ${kb(r.limit)}`);
	}
}
