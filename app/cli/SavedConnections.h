#pragma once
// Wires the command line to the connections saved by the window (history + keychain).

class CommandLine;

void useSavedConnections(CommandLine &cli);
