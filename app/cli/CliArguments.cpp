#include "CliArguments.h"

#include <QCommandLineParser>
#include <algorithm>
#include <limits>
#include <vector>

namespace CliArguments {
namespace {

enum Shown : unsigned {
    Status = 1, List = 2, Watch = 4, Create = 8, Commit = 16, Abort = 32, Clusters = 64, Serve = 128,
    Job = Status | Watch | Commit | Abort,
    Network = Status | List | Watch | Create | Commit | Abort | Clusters,
};

struct OptionSpec
{
    const char *name;
    const char *valueName; // nullptr: a flag
    const char *help;      // continuation lines start after '\n'
    unsigned shownFor;     // in which commands' --help it appears
    bool inGlobalHelp;
};

// Every option is accepted by every command (as before the parser was rebuilt: scripts that pass an option a
// command does not use keep working); each command's --help shows only the ones it uses.
const OptionSpec kOptions[] = {
    {"endpoint", "URL", "https://api.cloud.zilliz.com, https://controller.api.REGION.zillizcloud.com,\n"
                        "or a Milvus URL such as http://localhost:19530", Network, true},
    {"connection", "NAME", "use a saved connection (endpoint, ids and the key from the keychain)", Network, true},
    {"job", "ID", "the import job's id", Job, false},
    {"exit-status", nullptr, "status: exit 0 completed, 1 failed/cancelled/expired, 7 not finished yet", Status, true},
    {"all", nullptr, "watch: every unfinished job of the endpoint instead of --job\n"
                     "(exit 0 when all completed, 1 when any failed, was cancelled or expired)", Watch, true},
    {"cluster", "ID", "Zilliz Cloud cluster id (or --project ID --region ID)", Network, true},
    {"project", "ID", "Zilliz Cloud project id (with --region)", Network, false},
    {"region", "ID", "Zilliz Cloud region id (with --project)", Network, false},
    {"db", "NAME", "database (Milvus: sent as DB-Name; needed for RBAC users)", Network, true},
    {"collection", "NAME", "filter (list, watch --all) or target (create)", List | Watch | Create, true},
    {"state", "STATE", "list: only jobs in this state: pending, running, finalizing, completed, failed,\n"
                       "cancelled, expired, unknown (repeatable, or a,b)", List, true},
    {"partition", "NAME", "create: target partition", Create, true},
    {"file", "PATH", "create: one file group; several NumPy files as a,b,c (repeatable)", Create, true},
    {"object-url", "URL", "create: one object URL group on the cloud (repeatable)", Create, true},
    {"option", "KEY=VALUE", "create: a Milvus option, e.g. timeout=300s (repeatable)", Create, true},
    {"two-phase", nullptr, "create: a two-phase import that waits for commit/abort", Create, true},
    {"access-key-env", "VAR", "create: bucket access key from environment variable VAR", Create, true},
    {"secret-key-env", "VAR", "create: bucket secret key from environment variable VAR", Create, true},
    {"api", "auto|cloud-v1|v2", "API dialect (default auto: from the URL)", Network, true},
    {"interval", "SECONDS", "watch: polling interval (default 5)", Watch, true},
    {"timeout", "SECONDS", "deadline for each request's whole answer (default 30)", Network, true},
    {"ca-file", "PATH", "also trust this CA certificate (PEM) for https", Network, true},
    {"json", nullptr, "machine-readable output (watch: one object per line)", Network, true},
    {"verbose", nullptr, "log each request (method, URL, status; never headers) to stderr", Network, true},
    {"api-key-stdin", nullptr, "read the API key / token from the first line of stdin", Network, true},
    {"listen", "HOST:PORT", "serve: where to answer (default 127.0.0.1:9464; another address only when asked)", Serve, false},
    {"keep-finished", "DURATION", "serve: how long a finished job stays on the page, e.g. 30m, 24h (default), 2d", Serve, false},
    {"auth-token-file", "FILE", "serve: ask every request for the bearer token in FILE", Serve, false},
    {"history", "FILE", "serve: its history database (default: serve-history.sqlite beside the window's)", Serve, false},
    {"idempotency-key", "KEY", "create: the Idempotency-Key to send (default: a new one); a re-run with the\n"
                               "same key cannot import twice", Create, true},
    {"until", "completed|indexed|searchable", "watch: what to wait for (default completed)", Watch, true},
};

struct CommandSpec
{
    const char *name;
    unsigned bit;
    const char *synopsis; // after "bulkwatch NAME"
    const char *summary;  // the global help's column; may hold a second line after '\n'
    const char *about;    // the command's own help
};

const CommandSpec kCommands[] = {
    {"status", Status, "--endpoint URL --job ID", "one job's state, progress, rows and files",
     "Prints one job's state, progress, rows and files (--json: one object). Exit 0 once it answered;\n"
     "with --exit-status the code says how the job stands: 0 completed, 1 failed/cancelled/expired, 7 not finished."},
    {"list", List, "--endpoint URL", "the import jobs the server knows",
     "Lists the import jobs the server knows (--json: {\"jobs\": [...]})."},
    {"watch", Watch, "--endpoint URL (--job ID | --all)", "a line per change until the job ends\n(exit 0 completed, 1 failed/cancelled/expired)",
     "Prints a line (--json: an object) each time the job changes, until it ends; rides out network faults\n"
     "with backoff. Exit 0 when it completed, 1 when it failed, was cancelled or expired on the server.\n"
     "--all watches every job that is unfinished when it starts (a line per change, each naming its job)\n"
     "until all have ended: exit 0 when all completed, 1 when any did not."},
    {"create", Create, "--endpoint URL --collection NAME (--file PATH ... | --object-url URL ...)", nullptr,
     "Starts an import job and prints its id."},
    {"commit", Commit, "--endpoint URL --job ID", "commit a two-phase (Uncommitted) import",
     "Commits a two-phase import waiting in Uncommitted."},
    {"abort", Abort, "--endpoint URL --job ID", "abort a two-phase import",
     "Aborts a two-phase import."},
    {"serve", Serve, "--endpoint URL ... [--listen H:P]", "watch without a display; Prometheus /metrics",
     "Watches the jobs of each --endpoint and --connection (both repeatable) without a display, and answers\n"
     "GET /metrics (Prometheus), /healthz and /api/jobs (the entries of list --json) on --listen. One line on\n"
     "stderr per change; SIGTERM or SIGINT stops it after writing the history."},
    {"clusters", Clusters, "--endpoint URL", "the Zilliz Cloud clusters the key can see",
     "Lists the Zilliz Cloud clusters the key can see, every page (--json: {\"clusters\": [...]})."},
    {"connections", 0, "", "list saved connections (no secrets)",
     "Lists the connections saved in the window: name, URL, what they reach and where the key is kept\n"
     "(never the key itself)."},
};

const char kKeyRule[] = "The key comes from BULKWATCH_API_KEY, --api-key-stdin or a saved connection, never from an argument.\n";
const char kExitCodes[] =
    "Exit codes: 0 ok, 1 watch: the job failed, was cancelled or expired (commit/abort: its state refuses it),\n"
    "            2 usage, 3 auth/forbidden,\n"
    "            4 not found/expired, 5 network/timeout/tls/rate limited/server, 6 malformed/unsupported answer\n"
    "            (also an endpoint that does not speak the API asked for),\n"
    "            7 status --exit-status: not finished yet (1 there: failed, cancelled or expired; plain status: 0).\n";

const CommandSpec *commandSpec(const QString &name)
{
    for (const CommandSpec &c : kCommands)
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

const OptionSpec *optionSpec(const QString &name)
{
    for (const OptionSpec &o : kOptions)
        if (name == QLatin1String(o.name))
            return &o;
    return nullptr;
}

// "  --name VALUE" padded to the help column (24), as the hand-written help always was.
QString optionLine(const QString &left, const QString &help)
{
    QString line = QStringLiteral("  ") + left;
    line += left.size() <= 20 ? QString(22 - left.size(), QLatin1Char(' ')) : QStringLiteral("  ");
    line += QString(help).replace(QLatin1Char('\n'), QStringLiteral("\n") + QString(24, QLatin1Char(' ')));
    return line + QLatin1Char('\n');
}

QString optionLeft(const OptionSpec &o)
{
    QString left = QStringLiteral("--") + QLatin1String(o.name);
    if (o.valueName)
        left += QLatin1Char(' ') + QLatin1String(o.valueName);
    return left;
}

Parsed usage(const QString &message, const QString &command = {})
{
    Parsed p;
    p.outcome = Parsed::Outcome::Usage;
    p.command = command;
    p.text = message;
    return p;
}

QString didYouMean(const QString &word, const QStringList &candidates, const QString &prefix = {})
{
    const QString best = nearest(word, candidates);
    return best.isEmpty() ? QString() : QStringLiteral(". Did you mean '%1%2'?").arg(prefix, best);
}

bool isKeyOption(const QString &name)
{
    return name == QLatin1String("api-key") || name == QLatin1String("token") || name == QLatin1String("key");
}

Parsed keyRefusal(const QString &command = {})
{
    return usage(QStringLiteral("keys are never taken from arguments (other users can read them in the process list); "
                                "set BULKWATCH_API_KEY, use --api-key-stdin, or a saved --connection"), command);
}

// The window's own options and Qt's (which it also takes with two dashes): only these open the window.
const char *const kWindowOptions[] = {"demo", "history", "help-all", "style", "stylesheet", "platform", "platformpluginpath",
                                      "platformtheme", "plugin", "qwindowgeometry", "qwindowicon", "qwindowtitle", "reverse",
                                      "session", "display", "geometry", "widgetcount", "qmljsdebugger", "name", "title",
                                      "visual", "ncols", "cmap", "nograb", "dograb", "sync", "fn", "font", "bg", "background",
                                      "fg", "foreground", "btn", "button", "im", "inputstyle"};

QString optionName(const QString &arg)
{
    const int eq = arg.indexOf(QLatin1Char('='));
    return arg.mid(2, eq < 0 ? -1 : eq - 2);
}

// `bulkwatch --endpoint URL list`: the command was put after its options, or there is none. Only option names
// are echoed, never values (one could be a key typed where it does not belong).
Parsed leadingOption(const QStringList &args)
{
    const QString first = optionName(args.first());
    if (isKeyOption(first))
        return keyRefusal();
    if (!optionSpec(first)) {
        QStringList names;
        for (const OptionSpec &o : kOptions)
            names << QLatin1String(o.name);
        names << QStringLiteral("demo") << QStringLiteral("history") << QStringLiteral("help") << QStringLiteral("version");
        return usage(QStringLiteral("unknown option --%1%2").arg(first.left(100), didYouMean(first, names, QStringLiteral("--"))));
    }
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a.startsWith(QLatin1Char('-'))) {
            const OptionSpec *o = a.startsWith(QLatin1String("--")) ? optionSpec(optionName(a)) : nullptr;
            if (o && o->valueName && !a.contains(QLatin1Char('=')))
                ++i;
            continue;
        }
        if (commandSpec(a))
            return usage(QStringLiteral("the command comes first, then its options: 'bulkwatch %1 --%2 …'").arg(a, first));
    }
    return usage(QStringLiteral("--%1 needs a command first, e.g. 'bulkwatch status --%1 …' (commands: %2)")
                     .arg(first, commands().join(QStringLiteral(", "))));
}

} // namespace

bool opensWindow(const QString &firstArgument)
{
    if (!firstArgument.startsWith(QLatin1Char('-')))
        return false;
    if (firstArgument == QLatin1String("--help") || firstArgument == QLatin1String("-h") || firstArgument == QLatin1String("--version")
        || firstArgument == QLatin1String("-v"))
        return false;
    // Qt's single-dash options (-style fusion) are the window's; a double-dash word the window does not know is
    // a command-line mistake, answered here rather than by a window that aborts without a display.
    if (!firstArgument.startsWith(QLatin1String("--")))
        return true;
    const QString name = optionName(firstArgument);
    for (const char *w : kWindowOptions)
        if (name == QLatin1String(w))
            return true;
    return false;
}

const QStringList &commands()
{
    static const QStringList names = [] {
        QStringList n;
        for (const CommandSpec &c : kCommands)
            n << QLatin1String(c.name);
        return n;
    }();
    return names;
}

QString globalHelp()
{
    QString h = QStringLiteral("Usage: bulkwatch [--demo]                      open the window\n"
                               "       bulkwatch COMMAND [options]\n"
                               "       bulkwatch COMMAND --help              that command's options\n"
                               "\nCommands:\n");
    for (const CommandSpec &c : kCommands) {
        QString left = QLatin1String(c.name);
        if (*c.synopsis)
            left = left.leftJustified(8) + QLatin1Char(' ') + QLatin1String(c.synopsis);
        if (!c.summary) {
            h += QStringLiteral("  ") + left + QLatin1Char('\n');
            continue;
        }
        h += QStringLiteral("  ") + left.leftJustified(37) + QLatin1Char(' ')
            + QString::fromLatin1(c.summary).replace(QLatin1Char('\n'), QStringLiteral("\n") + QString(40, QLatin1Char(' ')))
            + QLatin1Char('\n');
    }
    h += QStringLiteral("\nOptions:\n");
    for (const OptionSpec &o : kOptions)
        if (o.inGlobalHelp)
            h += optionLine(optionLeft(o), QLatin1String(o.help));
    h += QLatin1Char('\n') + QLatin1String(kKeyRule) + QLatin1String(kExitCodes);
    return h;
}

namespace {
// An option's words inside one command's help, where the shared text names other commands ("filter (list,
// watch --all) or target (create)"); nullptr: the shared text.
const char *helpIn(const QString &command, const char *option)
{
    struct Override { const char *command, *option, *help; };
    static const Override kOverrides[] = {
        {"list", "collection", "only the jobs of this collection"},
        {"watch", "collection", "with --all: only the jobs of this collection"},
        {"create", "collection", "the collection to import into"},
        {"status", "json", "one JSON object (the server's fields; see README)"},
        {"list", "json", "one JSON object: {\"jobs\": [...]}"},
        {"watch", "json", "one JSON object per line, per change, each with \"observedAt\""},
        {"create", "json", "one JSON object: {\"jobId\": ...}"},
        {"commit", "json", "one JSON object: {\"jobId\": ..., \"result\": \"committed\"}"},
        {"abort", "json", "one JSON object: {\"jobId\": ..., \"result\": \"aborted\"}"},
    };
    for (const Override &o : kOverrides)
        if (command == QLatin1String(o.command) && qstrcmp(option, o.option) == 0)
            return o.help;
    return nullptr;
}

// The exit codes one command can give: its own meaning of 1 and 7, and the shared codes.
QString exitCodesOf(const QString &command)
{
    QString one;
    if (command == QLatin1String("watch"))
        one = QStringLiteral(", 1 the job failed, was cancelled or expired");
    else if (command == QLatin1String("status"))
        one = QStringLiteral(",\n            with --exit-status: 0 completed, 1 failed/cancelled/expired, 7 not finished yet");
    else if (command == QLatin1String("commit") || command == QLatin1String("abort"))
        one = QStringLiteral(", 1 the job's state refuses it (failed, completed, ...)");
    return QStringLiteral("Exit codes: 0 ok%1, 2 usage, 3 auth/forbidden, 4 not found/expired,\n"
                          "            5 network/timeout/tls/rate limited/server, 6 malformed/unsupported answer\n"
                          "            (also an endpoint that does not speak the API asked for).\n").arg(one);
}
} // namespace

QString commandHelp(const QString &command)
{
    const CommandSpec *c = commandSpec(command);
    if (!c)
        return globalHelp();
    QString h = QStringLiteral("Usage: bulkwatch %1%2%3\n\n%4\n")
                    .arg(command, *c->synopsis ? QStringLiteral(" ") : QString(), QLatin1String(c->synopsis),
                         QLatin1String(c->about));
    h += QStringLiteral("\nOptions:\n");
    for (const OptionSpec &o : kOptions) {
        // serve takes the connection options every network command takes (--json aside).
        const bool servesIt = c->bit == Serve && o.shownFor == Network && qstrcmp(o.name, "json") != 0;
        if (!(o.shownFor & c->bit) && !servesIt)
            continue;
        QString help = QLatin1String(helpIn(command, o.name) ? helpIn(command, o.name) : o.help);
        // "create: ..." says which command an option belongs to; inside that command's help it goes without saying.
        const int colon = help.indexOf(QLatin1String(": "));
        if (colon > 0 && help.left(colon) == command)
            help = help.mid(colon + 2);
        h += optionLine(optionLeft(o), help);
    }
    h += optionLine(QStringLiteral("--help"), QStringLiteral("this help"));
    // serve has its own few: it never ends because of a job or an answer.
    if (c->bit == Serve)
        h += QLatin1Char('\n') + QLatin1String(kKeyRule)
           + QLatin1String("Exit codes: 0 stopped by SIGTERM or SIGINT (history written), 1 cannot listen or open the\n"
                           "            history, 2 usage.\n");
    else if (c->bit != 0)
        h += QLatin1Char('\n') + QLatin1String(kKeyRule) + exitCodesOf(command);
    return h;
}

Parsed parse(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    Parsed result;
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        result.outcome = Parsed::Outcome::Help;
        result.text = globalHelp();
        return result;
    }
    if (args.first() == QLatin1String("--version") || args.first() == QLatin1String("-v")) {
        result.outcome = Parsed::Outcome::Version;
        return result;
    }
    const QString command = args.first();
    // `bulkwatch help [COMMAND]`, as git and most tools take it: the same text as --help.
    if (command == QLatin1String("help")) {
        const QString topic = args.value(1);
        if (!topic.isEmpty() && !commandSpec(topic))
            return usage(QStringLiteral("no help for '%1': it is not a command%2").arg(topic.left(100), didYouMean(topic, commands())));
        result.outcome = Parsed::Outcome::Help;
        result.command = topic;
        result.text = topic.isEmpty() ? globalHelp() : commandHelp(topic);
        return result;
    }
    if (command.startsWith(QLatin1String("--")))
        return leadingOption(args);
    if (!commandSpec(command)) {
        const QString hint = command.startsWith(QLatin1Char('-')) ? QString() : didYouMean(command, commands());
        return usage(QStringLiteral("unknown command '%1'%2").arg(command.left(100), hint));
    }

    // Keys are refused before anything else is looked at, wherever they stand, so the refusal always explains
    // itself (QCommandLineParser would only say "unknown option"). The scan skips option values the way the
    // parser takes them, so `--collection --key` is still a collection name, and reports a missing value.
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(QLatin1String("--")))
            continue;
        const int eq = a.indexOf(QLatin1Char('='));
        const QString name = a.mid(2, eq < 0 ? -1 : eq - 2);
        if (isKeyOption(name))
            return keyRefusal(command);
        const OptionSpec *o = optionSpec(name);
        if (o && o->valueName && eq < 0) {
            if (i + 1 >= args.size())
                return usage(QStringLiteral("--%1 needs a value").arg(name), command);
            ++i;
        }
    }

    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    for (const OptionSpec &o : kOptions) {
        QCommandLineOption opt(QLatin1String(o.name));
        if (o.valueName)
            opt.setValueName(QLatin1String(o.valueName));
        parser.addOption(opt);
    }
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOption(help);
    // The command word is not an argument of its own options: parse what follows it.
    const bool parsed = parser.parse(QStringList{arguments.first()} + args.mid(1));
    if (!parser.unknownOptionNames().isEmpty()) {
        const QString name = parser.unknownOptionNames().first();
        QStringList names;
        for (const OptionSpec &o : kOptions)
            names << QLatin1String(o.name);
        // QCommandLineParser reads "-x" as the short option x: name it as it was typed.
        const QString dashes = name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--");
        return usage(QStringLiteral("unknown option %1%2%3").arg(dashes, name.left(100), didYouMean(name, names, QStringLiteral("--"))), command);
    }
    if (!parsed)
        return usage(parser.errorText().left(200), command);
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first().left(100)), command);

    result.command = command;
    if (parser.isSet(help)) {
        result.outcome = Parsed::Outcome::Help;
        result.text = commandHelp(command);
        return result;
    }
    for (const OptionSpec &o : kOptions) {
        const QString name = QLatin1String(o.name);
        if (!parser.isSet(name))
            continue;
        if (o.valueName)
            result.options.insert(name, parser.values(name));
        else
            result.flags.insert(name);
    }
    return result;
}

int editDistance(const QString &a, const QString &b)
{
    const int n = int(a.size()), m = int(b.size());
    std::vector<std::vector<int>> d(size_t(n) + 1, std::vector<int>(size_t(m) + 1));
    for (int i = 0; i <= n; ++i)
        d[size_t(i)][0] = i;
    for (int j = 0; j <= m; ++j)
        d[0][size_t(j)] = j;
    for (int i = 1; i <= n; ++i) {
        for (int j = 1; j <= m; ++j) {
            const size_t I = size_t(i), J = size_t(j);
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d[I][J] = std::min({d[I - 1][J] + 1, d[I][J - 1] + 1, d[I - 1][J - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d[I][J] = std::min(d[I][J], d[I - 2][J - 2] + 1);
        }
    }
    return d[size_t(n)][size_t(m)];
}

QString nearest(const QString &word, const QStringList &candidates)
{
    // A typo is a few steps away, or the word with letters left out ("ls" for list); anything further is another
    // word, and a wrong guess misleads more than none ("-x" is not "--db").
    const QString w = word.left(64).toLower();
    const int limit = std::min(3, std::max(1, int(w.size()) / 2));
    const auto abbreviates = [&w](const QString &c) {
        int i = 0;
        for (const QChar ch : c)
            i += i < w.size() && w.at(i) == ch ? 1 : 0;
        return w.size() >= 2 && i == w.size();
    };
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const QString &c : candidates) {
        const int d = editDistance(w, c);
        if ((d <= limit || abbreviates(c)) && d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace CliArguments
