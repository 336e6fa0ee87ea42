#pragma once
// The desktop front end: bulkwatch with no subcommand.

int runDesktopApp(int argc, char **argv);
