/* The game server's plugin interface: what a shared library in the server's plugins/ folder
 * exports, in the manner of Metamod's and CounterStrikeSharp's native plugins. The server loads
 * every plugins/lib*.so, calls game_plugin_entry(), and raises its events through the table on
 * its main thread, once per tick at most. A plugin never sees the server's V8: it gets text in
 * and gives text back. */
#ifndef GAME_SERVER_PLUGIN_API_H
#define GAME_SERVER_PLUGIN_API_H

#ifdef __cplusplus
extern "C" {
#endif

/* What the server offers its plugins. Thread-safe: a plugin may call it from any thread. */
struct game_host {
	/* Sends `text` to every player (the server prints it on its next tick). */
	void (*broadcast)(const char *text);
	/* The server's log. */
	void (*log)(const char *plugin, const char *text);
	/* The version of the V8 the server embeds, for plugins that report it. */
	const char *v8_version;
};

struct game_plugin {
	const char *name;
	/* Called once after loading; `folder` is the server's folder (scripts live below it).
	 * Non-zero: the plugin failed to start and is unloaded. */
	int (*load)(const struct game_host *host, const char *folder);
	void (*player_joined)(const char *player, const char *client_version);
	/* The message as the other players will see it: malloc'd, freed by the server; NULL keeps
	 * the message as it is. */
	char *(*chat)(const char *player, const char *message);
	void (*tick)(int tick);
	/* The server asks the plugin to reload its scripts (an admin's "reload" command). */
	int (*reload)(void);
	void (*unload)(void);
};

/* Every plugin exports this. */
typedef const struct game_plugin *(*game_plugin_entry_function)(void);
#define GAME_PLUGIN_ENTRY "game_plugin_entry"

#ifdef __cplusplus
}
#endif

#endif
