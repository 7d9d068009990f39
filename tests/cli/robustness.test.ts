/**
 * Issue 11 and 12 from the command line, on real temporary folders: every
 * attack that used to write outside the vault, lose a byte, tear the record
 * or bring deleted notes back, and the merge of edits into an update.
 */
import { spawn, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadTemplate } from "../../src/generated/vaultTemplate";
import { mlsd, treeHash } from "../helpers/cli";

const TEMPLATE = loadTemplate();
const FOLDER = "ML System Design";
const PLUGIN = ".obsidian/plugins/ml-system-design-vault";
const STEP1 = "Framework/Step 1 - Clarifying requirements.md";

/** A vault inside a parent folder of its own, so anything written next to it can be seen. */
function newVault(): { parent: string; vault: string } {
	const parent = mkdtempSync(join(tmpdir(), "mlsd-attack-"));
	const vault = join(parent, "vault");
	mkdirSync(vault);
	return { parent, vault };
}
const dataPath = (vault: string) => join(vault, PLUGIN, "data.json");
function writeData(vault: string, data: unknown): void {
	mkdirSync(join(vault, PLUGIN), { recursive: true });
	writeFileSync(dataPath(vault), typeof data === "string" ? data : JSON.stringify(data));
}
const readData = (vault: string) => JSON.parse(readFileSync(dataPath(vault), "utf8")) as { install: { folder: string; files: Record<string, string>; inProgress?: string }; settings: Record<string, unknown> } & Record<string, unknown>;
/** The two-note fixture template: enough for the record and data-file cases, and fast. */
const SMALL_NOTE = "Other.md";
const small = (vault: string, ...args: string[]) => mlsd("install", vault, "--template", "tests/fixtures/merge-v1", ...args);
const note = (vault: string, rel: string) => join(vault, FOLDER, ...rel.split("/"));
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown> & { warnings: string[]; failures: { path: string; reason: string }[] };

/** Every shipped note is whole (none cut off) and the record lists them all. */
function expectWholeInstall(vault: string): void {
	for (const f of TEMPLATE.files) expect(readFileSync(note(vault, f.path), "utf8")).toBe(f.content);
	const data = readData(vault);
	expect(Object.keys(data.install.files)).toHaveLength(TEMPLATE.files.length);
	expect(data.install.inProgress).toBeUndefined();
	const temps: string[] = [];
	const walk = (d: string): void => {
		for (const n of readdirSync(d)) {
			const p = join(d, n);
			if (statSync(p).isDirectory()) walk(p);
			else if (/\.mlsd-\d+-[0-9a-f]+\.tmp$/.test(n)) temps.push(p);
		}
	};
	walk(vault);
	expect(temps).toEqual([]);
}

describe("nothing is written outside the vault", () => {
	it.each([["../outside"], ["a/../../x"], ["..\\..\\x"], ["/"], [".obsidian"], ["CON"], ["Notes."], ["/tmp/elsewhere"]])("refuses installFolder %j from data.json", (folder) => {
		const { parent, vault } = newVault();
		writeData(vault, { schema: 1, settings: { installFolder: folder } });
		const before = readdirSync(parent);
		const r = mlsd("install", vault);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("installFolder");
		expect(r.stderr).toContain(JSON.stringify(folder));
		expect(readdirSync(parent)).toEqual(before);
		expect(readdirSync(vault)).toEqual([".obsidian"]);
		expect(JSON.parse(readFileSync(dataPath(vault), "utf8")).settings.installFolder).toBe(folder); // the file is left as it was
	});
	it.each([["../x"], [".."], ["a/b"], ["/abs"]])("refuses --config-dir %j", (dir) => {
		const { parent, vault } = newVault();
		const r = mlsd("install", vault, "--config-dir", dir);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/config folder/);
		expect(readdirSync(parent)).toEqual(["vault"]);
		expect(readdirSync(vault)).toEqual([]);
	});
	it("never writes through a data.json that is a symbolic link", () => {
		const { parent, vault } = newVault();
		const victim = join(parent, "victim.txt");
		writeFileSync(victim, "precious");
		mkdirSync(join(vault, PLUGIN), { recursive: true });
		symlinkSync(victim, dataPath(vault));
		const r = mlsd("install", vault);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/symbolic link/);
		expect(readFileSync(victim, "utf8")).toBe("precious");
		expect(existsSync(join(vault, FOLDER))).toBe(false);
	});
	it("never writes through a symlinked folder inside the vault", () => {
		const { parent, vault } = newVault();
		mkdirSync(join(parent, "elsewhere"));
		mkdirSync(join(vault, FOLDER));
		symlinkSync(join(parent, "elsewhere"), join(vault, FOLDER, "Concepts"));
		const r = json(mlsd("install", vault, "--json").stdout);
		expect(readdirSync(join(parent, "elsewhere"))).toEqual([]);
		expect(r.failures.length).toBeGreaterThan(0);
		expect(r.failures.every((f) => f.path.startsWith(`${FOLDER}/Concepts/`) && /symbolic link/.test(f.reason))).toBe(true);
		expect(r.created).toBe(TEMPLATE.files.length - r.failures.length);
	});
});

describe("crash-safe writes", () => {
	it("a full disk (ulimit -f) kills the run mid-install; the next run leaves no note cut off and a whole record", () => {
		const { vault } = newVault();
		const r = spawnSync("bash", ["-c", `ulimit -f 20; exec "${process.execPath}" bin/mlsd.cjs install "${vault}"`], { encoding: "utf8" });
		expect(r.status).not.toBe(0);
		// Whatever the killed run left: every note present is whole, never a prefix of the shipped text.
		for (const f of TEMPLATE.files) {
			const p = note(vault, f.path);
			if (existsSync(p)) expect(readFileSync(p, "utf8")).toBe(f.content);
		}
		const again = mlsd("install", vault, "--json");
		expect(again.code).toBe(0);
		expect(json(again.stdout).missing).toBe(0);
		expectWholeInstall(vault);
	});

	it("kill -9 at any moment: the next run completes, no note is cut off, the record is whole", async () => {
		for (const delay of [60, 250, 500, 900]) {
			const { vault } = newVault();
			const child = spawn(process.execPath, ["bin/mlsd.cjs", "install", vault], { stdio: "ignore" });
			// Listen before killing: a fast run may finish before the delay is up.
			const exited = new Promise((r) => child.on("exit", r));
			await new Promise((r) => setTimeout(r, delay));
			child.kill("SIGKILL");
			await exited;
			const again = mlsd("install", vault, "--json");
			expect(again.code).toBe(0);
			expectWholeInstall(vault);
		}
	}, 120_000);

	it("temporary files of data.json and bases.json left by a killed run are removed by the next one", () => {
		const { vault } = newVault();
		expect(small(vault).code).toBe(0);
		const dir = join(vault, PLUGIN);
		const left = [".bases.json.mlsd-999999-abc1.tmp", ".data.json.mlsd-999999-abc2.tmp"];
		for (const name of left) writeFileSync(join(dir, name), "{\"half\":");
		writeFileSync(join(dir, "notes.tmp"), "not ours");
		expect(small(vault).code).toBe(0);
		for (const name of left) expect(existsSync(join(dir, name))).toBe(false);
		expect(existsSync(join(dir, "notes.tmp"))).toBe(true);
	});

	it("8 concurrent install pairs leave a whole record", async () => {
		const vaults = Array.from({ length: 8 }, () => newVault().vault);
		const runs = vaults.flatMap((v) => [0, 1].map(() => new Promise<number>((resolve) => {
			const c = spawn(process.execPath, ["bin/mlsd.cjs", "install", v, "--json"], { stdio: "ignore" });
			c.on("exit", (code) => resolve(code ?? -1));
		})));
		expect(await Promise.all(runs)).toEqual(Array(16).fill(0));
		for (const v of vaults) {
			expectWholeInstall(v);
			expect(existsSync(join(v, PLUGIN, "install.lock"))).toBe(false);
		}
	}, 120_000);

	it("a stale lock of a dead run is taken over", () => {
		const { vault } = newVault();
		mkdirSync(join(vault, PLUGIN), { recursive: true });
		writeFileSync(join(vault, PLUGIN, "install.lock"), JSON.stringify({ pid: 999_999_999, host: require("os").hostname(), time: Date.now() }));
		expect(small(vault).code).toBe(0);
		expect(Object.keys(readData(vault).install.files)).toEqual(["Other.md", "Step.md"]);
		expect(existsSync(join(vault, PLUGIN, "install.lock"))).toBe(false);
	});
});

describe("a lost record is never fresh", () => {
	const damaged: [string, string | null][] = [["torn", '{"schema":1,"settings":{},"install":{"folder":"ML System Design","fi'], ["empty", ""], ["binary", "\u0000\u0001\u0002"], ["a list", "[1,2,3]"], ["missing", null]];
	it.each(damaged)("data.json %s: deleted notes stay deleted, and the run says so", (_what, text) => {
		const { vault } = newVault();
		expect(small(vault).code).toBe(0);
		rmSync(note(vault, SMALL_NOTE));
		rmSync(join(vault, PLUGIN, "data.json.bak"), { force: true });
		if (text === null) rmSync(dataPath(vault));
		else writeFileSync(dataPath(vault), text);
		const r = small(vault, "--json");
		expect(r.code).toBe(0);
		const out = json(r.stdout);
		expect(existsSync(note(vault, SMALL_NOTE))).toBe(false);
		expect(out.missing).toBe(1);
		expect(out.missingNotes).toEqual([`${FOLDER}/${SMALL_NOTE}`]);
		expect(out.warnings.join("\n")).toMatch(/rebuilt from the notes/);
		// The rebuilt record keeps it deleted on the next run too; --recreate-missing... is not needed to go on.
		small(vault);
		expect(existsSync(note(vault, SMALL_NOTE))).toBe(false);
		if (text) {
			const kept = readdirSync(join(vault, PLUGIN)).filter((n) => n.startsWith("data.json.unreadable"));
			expect(kept.map((n) => readFileSync(join(vault, PLUGIN, n), "utf8"))).toContain(text);
		}
	});
	it("restores the record from data.json.bak, and a second corruption never overwrites the backup", () => {
		const { vault } = newVault();
		small(vault);
		rmSync(note(vault, SMALL_NOTE));
		small(vault); // rotates a backup that holds the full record
		const bak = readFileSync(join(vault, PLUGIN, "data.json.bak"), "utf8");
		writeFileSync(dataPath(vault), "{ torn");
		const first = json(small(vault, "--json").stdout);
		expect(first.warnings.join("\n")).toMatch(/restored from data\.json\.bak/);
		expect(first.keptDeleted).toBe(1);
		writeFileSync(dataPath(vault), "{ torn again");
		small(vault);
		const kept = readdirSync(join(vault, PLUGIN)).filter((n) => n.startsWith("data.json.unreadable")).map((n) => readFileSync(join(vault, PLUGIN, n), "utf8"));
		expect(kept.sort()).toEqual(["{ torn", "{ torn again"]);
		expect(JSON.parse(readFileSync(join(vault, PLUGIN, "data.json.bak"), "utf8")).install.files).toEqual(JSON.parse(bak).install.files);
		expect(existsSync(note(vault, SMALL_NOTE))).toBe(false);
	});
	it("--recreate-missing brings missing notes back when asked", () => {
		const { vault } = newVault();
		small(vault);
		rmSync(note(vault, SMALL_NOTE));
		writeFileSync(dataPath(vault), "");
		rmSync(join(vault, PLUGIN, "data.json.bak"), { force: true });
		const r = json(small(vault, "--json", "--recreate-missing").stdout);
		expect(r.created).toBe(1);
		expect(readFileSync(note(vault, SMALL_NOTE), "utf8")).toBe(readFileSync("tests/fixtures/merge-v1/Other.md", "utf8"));
	});
	it("reads a data.json with a byte-order mark as it is", () => {
		const { vault } = newVault();
		small(vault);
		rmSync(note(vault, SMALL_NOTE));
		writeFileSync(dataPath(vault), "\uFEFF" + readFileSync(dataPath(vault), "utf8"));
		const r = json(small(vault, "--json").stdout);
		expect(r.keptDeleted).toBe(1);
		expect(r.warnings).toEqual([]);
	});
	it("stops before the first note when the record cannot be written (data.json is a folder)", () => {
		const { vault } = newVault();
		mkdirSync(dataPath(vault), { recursive: true });
		const r = small(vault);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/data\.json is not a regular file/);
		expect(existsSync(join(vault, FOLDER))).toBe(false);
	});
	it("refuses to install a second copy when the folder setting changed, naming both folders", () => {
		const { vault } = newVault();
		small(vault);
		const data = readData(vault);
		data.settings = { ...data.settings, installFolder: "Interview prep" };
		writeData(vault, data);
		const r = small(vault);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`"${FOLDER}"`);
		expect(r.stderr).toContain('"Interview prep"');
		expect(existsSync(join(vault, "Interview prep"))).toBe(false);
		expect(small(vault, "--fresh-copy").code).toBe(0);
		expect(existsSync(join(vault, "Interview prep", SMALL_NOTE))).toBe(true);
	});
});

describe("per-file faults are isolated", () => {
	it("a folder at a note's path, a file named like a folder, a FIFO and a link to /dev/zero: each named and skipped, the rest completes", () => {
		const { vault } = newVault();
		mkdirSync(note(vault, STEP1), { recursive: true }); // a folder where a note goes
		writeFileSync(join(vault, FOLDER, "Maps"), "a file where a folder goes");
		const fifoAt = "Framework/Step 2 - Framing the problem as an ML task.md";
		expect(spawnSync("mkfifo", [note(vault, fifoAt)]).status).toBe(0);
		const zeroAt = "Framework/Step 3 - Data preparation.md";
		symlinkSync("/dev/zero", note(vault, zeroAt));
		const r = mlsd("install", vault, "--json");
		expect(r.code).toBe(1);
		const out = json(r.stdout);
		const reasons = Object.fromEntries(out.failures.map((f) => [f.path, f.reason]));
		expect(reasons[`${FOLDER}/${STEP1}`]).toBe("a folder is at this path");
		expect(reasons[`${FOLDER}/${fifoAt}`]).toMatch(/not a regular file/);
		expect(reasons[`${FOLDER}/${zeroAt}`]).toMatch(/not a regular file/);
		const maps = TEMPLATE.files.filter((f) => f.path.startsWith("Maps/"));
		for (const m of maps) expect(reasons[`${FOLDER}/${m.path}`]).toMatch(/"ML System Design\/Maps" is a file/);
		expect(out.created).toBe(TEMPLATE.files.length - 3 - maps.length);
		expect(readFileSync(join(vault, FOLDER, "Maps"), "utf8")).toBe("a file where a folder goes");
	});
});

describe("smaller items", () => {
	it("--json keeps warnings", () => {
		const { vault } = newVault();
		writeData(vault, { schema: 1, settings: { practiceFolder: "../p" } });
		const out = json(small(vault, "--json").stdout);
		expect(out.warnings.join("\n")).toMatch(/practiceFolder.*points outside the vault/);
	});
	it("a JSON-array data.json is kept aside, not rewritten with keys \"0\", \"1\"", () => {
		const { vault } = newVault();
		writeData(vault, "[\"a\",\"b\"]");
		expect(small(vault).code).toBe(0);
		const data = readData(vault);
		expect(Object.keys(data)).not.toContain("0");
		expect(readFileSync(join(vault, PLUGIN, "data.json.unreadable"), "utf8")).toBe("[\"a\",\"b\"]");
	});
	it("keeps settings and top-level keys written by a newer version", () => {
		const { vault } = newVault();
		writeData(vault, { schema: 1, settings: { installFolder: FOLDER, futureSetting: "keep me" }, futureKey: { x: 1 } });
		small(vault);
		const data = readData(vault);
		expect(data.settings.futureSetting).toBe("keep me");
		expect(data.futureKey).toEqual({ x: 1 });
	});
	it("--today must be a real date", () => {
		const { vault } = newVault();
		for (const bad of ["2026-02-30", "2026-13-45", "2025-02-29"]) {
			const r = mlsd("progress", vault, "--today", bad);
			expect(r.code).toBe(2);
			expect(r.stderr).toContain(`"${bad}" is not one`);
		}
		expect(mlsd("progress", vault, "--today", "2024-02-29").code).toBe(0);
	});
});

describe("updates merge from the command line (issue 12)", () => {
	const step = (vault: string) => join(vault, FOLDER, "Step.md");
	it("a tick, an SR comment, a My notes section and a separate edit survive an update; a repeat changes nothing", () => {
		const { vault } = newVault();
		expect(mlsd("install", vault, "--template", "tests/fixtures/merge-v1").code).toBe(0);
		const v1 = readFileSync(step(vault), "utf8");
		writeFileSync(step(vault), v1
			.replace("- [ ] Who are the users?", "- [x] Who are the users?")
			.replace("- [ ] What is the scale?", "- [x] What is the scale?")
			.replace("What is recall?::TP / (TP + FN)", "What is recall?::TP / (TP + FN) <!--SR:!2026-03-01,3,250-->")
			.replace("## Flashcards", "## Flashcards\nMy own card::my answer")
			+ "\n## My notes\nAsked at my last interview.\n");
		const r = mlsd("install", vault, "--template", "tests/fixtures/merge-v2", "--json");
		const out = json(r.stdout);
		expect(out).toMatchObject({ merged: 1, updated: 1, conflicts: 0, mergedNotes: [`${FOLDER}/Step.md`] });
		const merged = readFileSync(step(vault), "utf8");
		expect(merged).toContain("Ask who the users are and what they need.");
		expect(merged).toContain("- [x] Who are the users?");
		expect(merged).toContain("- [x] What is the scale (users, QPS)?");
		expect(merged).toContain("- [ ] Which metric matters most?");
		expect(merged).toContain("What is recall?::TP / (TP + FN), the share of positives found <!--SR:!2026-03-01,3,250-->");
		expect(merged).toContain("## Flashcards\nMy own card::my answer");
		expect(merged).toContain("- [[Step two]]");
		expect(merged.endsWith("\n## My notes\nAsked at my last interview.\n")).toBe(true);
		const tree = treeHash(vault);
		const again = json(mlsd("install", vault, "--template", "tests/fixtures/merge-v2", "--json").stdout);
		expect(again).toMatchObject({ merged: 0, updated: 0, created: 0 });
		expect(treeHash(vault)).toBe(tree);
	});
	it("a conflicting edit keeps the user's text with no markers, is offered, and --diff shows the line diff", () => {
		const { vault } = newVault();
		mlsd("install", vault, "--template", "tests/fixtures/merge-v1");
		const mine = readFileSync(step(vault), "utf8").replace("Ask about the users first.", "Start with the buyers, in my words.");
		writeFileSync(step(vault), mine);
		const out = json(mlsd("install", vault, "--template", "tests/fixtures/merge-v2", "--json").stdout);
		expect(out).toMatchObject({ conflicts: 1, merged: 0, offered: [`${FOLDER}/Step.md`] });
		expect(readFileSync(step(vault), "utf8")).toBe(mine);
		const text = mlsd("install", vault, "--template", "tests/fixtures/merge-v2", "--diff").stdout;
		expect(text).toMatch(/kept yours; your edit overlaps the new version: ML System Design\/Step\.md/);
		expect(text).toContain("-!Start with the buyers, in my words.");
		expect(text).toContain("+!Ask who the users are and what they need.");
		expect(text).toContain("+ - [ ] Which metric matters most?");
		expect(readFileSync(step(vault), "utf8")).toBe(mine);
	});
});
