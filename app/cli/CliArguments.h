#pragma once
// What the command line accepts and how it explains itself: the commands, their options, each command's --help,
// and the nearest command for a typo. Kept apart from CommandLine.cpp (which runs the commands) so that the
// words a user reads live in one place and can be tested without a server.

#include <QHash>
#include <QSet>
#include <QStringList>

namespace CliArguments {

struct Parsed
{
    enum class Outcome { Run, Help, Version, Usage };
    Outcome outcome = Outcome::Run;
    QString command; // empty for the global --help/--version and an unknown command
    QString text;    // Help: what to print; Usage: the problem in one sentence
    QHash<QString, QStringList> options; // option -> values, in the order given (repeatable options)
    QSet<QString> flags;

    bool has(const QString &option) const { return options.contains(option); }
    QString last(const QString &option) const { return options.value(option).value(options.value(option).size() - 1); }
    QString first(const QString &option) const { return options.value(option).value(0); }
    QStringList values(const QString &option) const { return options.value(option); }
    bool flag(const QString &name) const { return flags.contains(name); }
};

const QStringList &commands();
// Whether a first argument is for the window: none, or one of the window's or Qt's options. A command (known or
// not) and any other option go to the command line, which explains a mistake instead of opening a window.
bool opensWindow(const QString &firstArgument);
// arguments[0] is the program, as in QCoreApplication::arguments().
Parsed parse(const QStringList &arguments);
QString globalHelp();
QString commandHelp(const QString &command);

// Optimal string alignment distance (a swap of two neighbours counts once: "stauts" is one step from "status").
int editDistance(const QString &a, const QString &b);
// The candidate closest to word, or empty when none is close enough to be a likely typo.
QString nearest(const QString &word, const QStringList &candidates);

} // namespace CliArguments
