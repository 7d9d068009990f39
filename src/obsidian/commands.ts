/** Registers the plugin's commands. Ids carry no plugin prefix; no default hotkeys. */
import type { PluginHost } from "./host";
import { runInstall } from "./install";

export function registerCommands(host: PluginHost): void {
	host.plugin.addCommand({
		id: "install-notes",
		name: "Install or update notes",
		callback: () => {
			void runInstall(host);
		},
	});
}
