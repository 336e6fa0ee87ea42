#pragma once
// What `watch` keeps between polls when it watches every unfinished job (`watch --all`); the polling itself is
// CommandLine's, in WatchAll.cpp.

#include "CommandLine.h"

#include <QHash>
#include <QStringList>

// A watch that cannot reach its server asks again at least once a minute.
constexpr qint64 kMaxWatchBackoffMs = 60000;

struct CommandLine::WatchAll
{
    QStringList ids;                   // unfinished when the watch started, in the server's list order
    QHash<QString, JobProgress> last;  // the last answer printed for each
    QHash<QString, JobState> ended;    // the state each ended in
    int next = 0;                      // the index in ids asked next in this round
};
