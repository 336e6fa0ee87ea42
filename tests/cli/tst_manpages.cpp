// The man pages and the bash completion say what the binaries take: every command and every option that
// `bulkwatch --help`, `bulkwatch COMMAND --help` and `bulkwatch-sim --help` print is in bulkwatch(1) /
// bulkwatch-sim(1), and the completion offers exactly each command's options (bash run with the completion
// sourced and COMP_WORDS set, as bash does on Tab).

#include "CliArguments.h"
#include "ImportTypes.h"
#include "support/ProcessRun.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {
QString helpOf(const QString &program, const QStringList &args)
{
    const ProcessResult r = runProcess(program, args, QProcessEnvironment::systemEnvironment());
    if (!r.failure().isEmpty() || r.exitCode != 0)
        qWarning("%s %s: %s (exit %d)", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))), qPrintable(r.failure()), r.exitCode);
    return r.output;
}

// Every --option named anywhere in a text (synopses and descriptions too).
QSet<QString> optionsNamedIn(const QString &text)
{
    static const QRegularExpression option(QStringLiteral("(?<![\\w-])--([a-z][a-z0-9-]*)"));
    QSet<QString> names;
    for (auto it = option.globalMatch(text); it.hasNext();)
        names.insert(it.next().captured(1));
    return names;
}

// The options a help lists in its table: lines that start with "  --name" (or "  -h, --name").
QSet<QString> optionsListedIn(const QString &help)
{
    static const QRegularExpression row(QStringLiteral("^\\s+(?:-\\w, )?--([a-z][a-z0-9-]*)"), QRegularExpression::MultilineOption);
    QSet<QString> names;
    for (auto it = row.globalMatch(help); it.hasNext();)
        names.insert(it.next().captured(1));
    return names;
}

// The man page as a reader sees its words: roff's \- is a dash, font changes are nothing.
QString manText(const QString &name)
{
    QFile f(QStringLiteral(BULKWATCH_SOURCE_DIR "/packaging/man/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString t = QString::fromUtf8(f.readAll());
    t.replace(QStringLiteral("\\-"), QStringLiteral("-"));
    static const QRegularExpression font(QStringLiteral("\\\\f[BIRP]"));
    return t.remove(font);
}

// What the completion offers for these words, the last being the one under the cursor.
QStringList completions(const QStringList &words)
{
    QString array;
    for (const QString &w : words)
        array += QLatin1Char('\'') + w + QStringLiteral("' ");
    const QString function = words.first().endsWith(QLatin1String("bulkwatch-sim")) ? QStringLiteral("_bulkwatch_sim") : QStringLiteral("_bulkwatch");
    const QString script = QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; %4; printf '%s\\n' \"${COMPREPLY[@]}\"")
                               .arg(QStringLiteral(BULKWATCH_SOURCE_DIR "/packaging/bash-completion/bulkwatch"), array)
                               .arg(words.size() - 1)
                               .arg(function);
    const ProcessResult r = runProcess(QStringLiteral("bash"), {QStringLiteral("--norc"), QStringLiteral("-c"), script},
                                       QProcessEnvironment::systemEnvironment());
    if (!r.failure().isEmpty() || r.exitCode != 0)
        qWarning("bash: %s (exit %d): %s", qPrintable(r.failure()), r.exitCode, qPrintable(r.output));
    return r.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// COMP_WORDS[0] as bash gives it: the command typed, here the binary under test (its help is what is offered).
QStringList bulkwatchWords(const QStringList &rest)
{
    return QStringList{QStringLiteral(BULKWATCH_BINARY)} + rest;
}

// The same when the binary cannot be run: the completion falls back on its own lists.
QStringList withoutBinary(const QStringList &rest)
{
    return QStringList{QStringLiteral("/nonexistent/bulkwatch")} + rest;
}

QSet<QString> dashed(const QSet<QString> &names)
{
    QSet<QString> out;
    for (const QString &n : names)
        out.insert(QStringLiteral("--") + n);
    return out;
}
} // namespace

class TestManPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bulkwatchManPageNamesEveryCommandAndOption();
    void simManPageNamesEveryOption();

    void completionOffersTheCommands_data();
    void completionOffersTheCommands();

    void completionOffersEachCommandsOptions_data();
    void completionOffersEachCommandsOptions();

    void completionOffersValues_data();
    void completionOffersValues();
};

#ifndef Q_MOC_RUN
void TestManPages::bulkwatchManPageNamesEveryCommandAndOption()
{
    const QString man = manText(QStringLiteral("bulkwatch.1"));
    QVERIFY(!man.isEmpty());
    const QString exe = QStringLiteral(BULKWATCH_BINARY);
    QSet<QString> options = optionsNamedIn(helpOf(exe, {QStringLiteral("--help")}));
    QVERIFY2(options.contains(QStringLiteral("endpoint")) && options.contains(QStringLiteral("demo")), qPrintable(QStringList(options.values()).join(QLatin1Char(' '))));
    const QString commandsSection = man.section(QStringLiteral(".SH COMMANDS"), 1).section(QStringLiteral(".SH "), 0, 0);
    for (const QString &command : CliArguments::commands()) {
        // Each command has its entry (".B status ..." under COMMANDS), and every option its help names is there.
        QVERIFY2(QRegularExpression(QStringLiteral("^\\.B %1\\b").arg(command), QRegularExpression::MultilineOption).match(commandsSection).hasMatch(),
                 qPrintable(QStringLiteral("bulkwatch(1) has no entry for the command '%1'").arg(command)));
        options.unite(optionsNamedIn(helpOf(exe, {command, QStringLiteral("--help")})));
    }
    const QString optionsSection = man.section(QStringLiteral(".SH OPTIONS"), 1).section(QStringLiteral(".SH "), 0, 0);
    for (const QString &o : options)
        QVERIFY2(QRegularExpression(QStringLiteral("^\\.(?:B|BI|BR) (?:-\\w \", \" )?--%1\\b").arg(o), QRegularExpression::MultilineOption).match(optionsSection).hasMatch(),
                 qPrintable(QStringLiteral("bulkwatch(1) OPTIONS does not describe --%1").arg(o)));
    // The environment variable and every exit code the help documents.
    QVERIFY(man.contains(QLatin1String(".B BULKWATCH_API_KEY")));
    for (int code = 0; code <= 7; ++code)
        QVERIFY2(man.section(QStringLiteral(".SH EXIT STATUS"), 1).contains(QStringLiteral(".B %1\n").arg(code)), qPrintable(QString::number(code)));
}

void TestManPages::simManPageNamesEveryOption()
{
    const QString man = manText(QStringLiteral("bulkwatch-sim.1"));
    QVERIFY(!man.isEmpty());
    const QSet<QString> options = optionsNamedIn(helpOf(QStringLiteral(BULKWATCH_SIM_BINARY), {QStringLiteral("--help")}));
    QVERIFY2(options.size() >= 15, qPrintable(QStringList(options.values()).join(QLatin1Char(' '))));
    for (const QString &o : options)
        QVERIFY2(man.contains(QStringLiteral("--") + o), qPrintable(QStringLiteral("bulkwatch-sim(1) does not name --%1").arg(o)));
}

void TestManPages::completionOffersTheCommands_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("offered");
    QTest::newRow("bulkwatch <Tab>: every command") << bulkwatchWords({QString()}) << CliArguments::commands() + QStringList{QStringLiteral("help")};
    QTest::newRow("bulkwatch help wa<Tab>") << bulkwatchWords({QStringLiteral("help"), QStringLiteral("wa")}) << QStringList{QStringLiteral("watch")};
    QTest::newRow("bulkwatch st<Tab>") << bulkwatchWords({QStringLiteral("st")}) << QStringList{QStringLiteral("status")};
    QTest::newRow("bulkwatch com<Tab>") << bulkwatchWords({QStringLiteral("com")}) << QStringList{QStringLiteral("commit")};
    QTest::newRow("bulkwatch --<Tab>: the window's options") << bulkwatchWords({QStringLiteral("--")})
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--history"), QStringLiteral("--help"), QStringLiteral("--version")};
    // Without a binary to ask, its own list: the commands this release has.
    QTest::newRow("no binary: <Tab>") << withoutBinary({QString()})
        << QStringList{QStringLiteral("status"), QStringLiteral("list"), QStringLiteral("watch"), QStringLiteral("create"),
                       QStringLiteral("commit"), QStringLiteral("abort"), QStringLiteral("clusters"), QStringLiteral("serve"),
                       QStringLiteral("connections"), QStringLiteral("help")};
}

void TestManPages::completionOffersTheCommands()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, offered);
    QCOMPARE(completions(words), offered);
}

void TestManPages::completionOffersEachCommandsOptions_data()
{
    QTest::addColumn<QString>("command");
    for (const QString &c : CliArguments::commands())
        QTest::newRow(qPrintable(c)) << c;
}

void TestManPages::completionOffersEachCommandsOptions()
{
    QFETCH(QString, command);
    // Exactly what `bulkwatch COMMAND --help` lists: an option added to the help and not to the completion fails.
    const QSet<QString> listed = dashed(optionsListedIn(helpOf(QStringLiteral(BULKWATCH_BINARY), {command, QStringLiteral("--help")})));
    QVERIFY(listed.contains(QStringLiteral("--help")));
    const QStringList offered = completions(bulkwatchWords({command, QStringLiteral("--")}));
    QCOMPARE(QSet<QString>(offered.cbegin(), offered.cend()), listed);
    QCOMPARE(offered.size(), listed.size()); // none twice
    // After other options too.
    const QStringList later = completions(bulkwatchWords({command, QStringLiteral("--json"), QStringLiteral("--")}));
    QCOMPARE(QSet<QString>(later.cbegin(), later.cend()), listed);
    // The completion's own list (no binary to ask) says the same for the commands it knows.
    // Every command the binary lists: a new command fails here until the completion's own list knows it.
    {
        const QStringList fallback = completions(withoutBinary({command, QStringLiteral("--")}));
        QCOMPARE(QSet<QString>(fallback.cbegin(), fallback.cend()), listed);
    }
}

void TestManPages::completionOffersValues_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("offered");
    QStringList states;
    for (int i = 0; i <= int(JobState::Unknown); ++i)
        states << jobStateName(JobState(i));
    QTest::newRow("--api") << bulkwatchWords({QStringLiteral("list"), QStringLiteral("--api"), QString()})
                           << QStringList{QStringLiteral("auto"), QStringLiteral("cloud-v1"), QStringLiteral("v2")};
    QTest::newRow("--state: every state list --state takes") << bulkwatchWords({QStringLiteral("list"), QStringLiteral("--state"), QString()}) << states;
    QTest::newRow("--state f") << bulkwatchWords({QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("f")})
                               << QStringList{QStringLiteral("finalizing"), QStringLiteral("failed")};
    QTest::newRow("--job: nothing to guess") << bulkwatchWords({QStringLiteral("status"), QStringLiteral("--job"), QString()}) << QStringList{};
    QTest::newRow("bulkwatch-sim --dialect") << QStringList{QStringLiteral("bulkwatch-sim"), QStringLiteral("--dialect"), QString()}
                                             << QStringList{QStringLiteral("cloud-v1"), QStringLiteral("cloud-v2"), QStringLiteral("milvus")};
    QTest::newRow("bulkwatch-sim --fault h") << QStringList{QStringLiteral("bulkwatch-sim"), QStringLiteral("--fault"), QStringLiteral("h")}
                                             << QStringList{QStringLiteral("hang"), QStringLiteral("html5xx"), QStringLiteral("huge")};
    const QSet<QString> simOptions = dashed(optionsListedIn(helpOf(QStringLiteral(BULKWATCH_SIM_BINARY), {QStringLiteral("--help")})));
    QStringList sorted(simOptions.cbegin(), simOptions.cend());
    sorted.sort();
    QTest::newRow("bulkwatch-sim --<Tab>: every option of its --help") << QStringList{QStringLiteral("bulkwatch-sim"), QStringLiteral("--")} << sorted;
}

void TestManPages::completionOffersValues()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, offered);
    QStringList got = completions(words);
    if (QTest::currentDataTag() == QLatin1String("bulkwatch-sim --<Tab>: every option of its --help"))
        got.sort();
    QCOMPARE(got, offered);
}
#endif

QTEST_GUILESS_MAIN(TestManPages)
#include "tst_manpages.moc"
