/** Runs the built `mlsd` as a user would, capturing output and exit code. */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";

export function mlsd(...args: string[]): { code: number; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, ["bin/mlsd.cjs", ...args], { encoding: "utf8", timeout: 120_000 });
	return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fingerprint of every file under a folder, to prove a command changed nothing. */
export function treeHash(dir: string): string {
	const h = createHash("sha256");
	const walk = (d: string): void => {
		for (const n of readdirSync(d).sort()) {
			const p = join(d, n);
			if (statSync(p).isDirectory()) walk(p);
			else h.update(p).update(readFileSync(p));
		}
	};
	walk(dir);
	return h.digest("hex");
}
