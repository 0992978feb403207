// The server's own UI script, run in the server's own isolate every tick (a stand-in for a game's
// HUD scripts). It keeps state between ticks, so a tick that runs it proves the isolate still works.
let frames = 0;
function hud(tick, players) {
  frames += 1;
  return `hud: tick ${tick}, ${players} player(s), frame ${frames}`;
}
