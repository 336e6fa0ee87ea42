// The German translation loads, covers every user-visible string of the current sources, and is used.

#include <QCoreApplication>
#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace {
QSet<QString> sources(const QString &tsPath, QStringList *untranslated)
{
    QFile f(tsPath);
    f.open(QIODevice::ReadOnly);
    QDomDocument doc;
    doc.setContent(&f);
    QSet<QString> out;
    const QDomNodeList contexts = doc.elementsByTagName(QStringLiteral("context"));
    for (int i = 0; i < contexts.size(); ++i) {
        const QDomElement ctx = contexts.at(i).toElement();
        const QString name = ctx.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement m = ctx.firstChildElement(QStringLiteral("message")); !m.isNull(); m = m.nextSiblingElement(QStringLiteral("message"))) {
            const QString src = m.firstChildElement(QStringLiteral("source")).text();
            out.insert(name + QLatin1Char('|') + src);
            const QDomElement tr = m.firstChildElement(QStringLiteral("translation"));
            const bool empty = tr.text().trimmed().isEmpty();
            if (untranslated && (tr.attribute(QStringLiteral("type")) == QLatin1String("unfinished") || empty))
                *untranslated << name + QLatin1Char('|') + src;
        }
    }
    return out;
}
} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void germanCoversEveryStringOfTheSources();

    void theCompiledTranslationLoadsAndTranslates();

    void englishHasThePluralFormsOfEveryPercentNString();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestTranslation::germanCoversEveryStringOfTheSources()
{
    QStringList untranslated;
    const QSet<QString> committed = sources(QStringLiteral(BULKWATCH_SOURCE_DIR "/resources/translations/bulkwatch_de.ts"), &untranslated);
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
    // What the code says today, scanned afresh.
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(BULKWATCH_SOURCE_DIR));
    lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE), {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                                                       QStringLiteral("app"), QStringLiteral("ui"), QStringLiteral("-ts"), fresh});
    QVERIFY(lupdate.waitForFinished(60000));
    const QSet<QString> current = sources(fresh, nullptr);
    QVERIFY(current.size() > 300);
    QStringList missing;
    for (const QString &s : current)
        if (!committed.contains(s))
            missing << s;
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in bulkwatch_de.ts (run lupdate and translate):\n") + missing.join(QLatin1Char('\n'))));
}

void TestTranslation::theCompiledTranslationLoadsAndTranslates()
{
    QTranslator t;
    QVERIFY(t.load(QStringLiteral(":/i18n/bulkwatch_de.qm")));
    QCoreApplication::installTranslator(&t);
    QCOMPARE(QCoreApplication::translate("JobsModel", "Awaiting commit"), QStringLiteral("Wartet auf Commit"));
    QCOMPARE(QCoreApplication::translate("TrayIcon", "%n running", nullptr, 3), QStringLiteral("3 laufen"));
    QCOMPARE(QCoreApplication::translate("TrayIcon", "%n running", nullptr, 1), QStringLiteral("1 läuft"));
    QVERIFY(QCoreApplication::translate("JobPhase", "All files written — sorting and building the index; this step shows no per-file progress.").startsWith(QLatin1String("Alle Dateien")));
    QCoreApplication::removeTranslator(&t);
}

// English needs its own plural forms: without them "%n minute(s) ago" shows as written.
void TestTranslation::englishHasThePluralFormsOfEveryPercentNString()
{
    QStringList unfinished;
    const QSet<QString> committed = sources(QStringLiteral(BULKWATCH_SOURCE_DIR "/resources/translations/bulkwatch_en.ts"), &unfinished);
    QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QLatin1Char('\n'))));
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("plurals.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(BULKWATCH_SOURCE_DIR));
    lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE), {QStringLiteral("-silent"), QStringLiteral("-pluralonly"), QStringLiteral("-locations"),
                                                       QStringLiteral("none"), QStringLiteral("app"), QStringLiteral("ui"), QStringLiteral("-ts"), fresh});
    QVERIFY(lupdate.waitForFinished(60000));
    QStringList missing;
    for (const QString &s : sources(fresh, nullptr))
        if (!committed.contains(s))
            missing << s;
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in bulkwatch_en.ts (see resources/CMakeLists.txt):\n") + missing.join(QLatin1Char('\n'))));
    QTranslator t;
    QVERIFY(t.load(QStringLiteral(":/i18n/bulkwatch_en.qm")));
    QCoreApplication::installTranslator(&t);
    QCOMPARE(QCoreApplication::translate("JobsModel", "%n minute(s) ago", nullptr, 1), QStringLiteral("1 minute ago"));
    QCOMPARE(QCoreApplication::translate("JobsModel", "%n minute(s) ago", nullptr, 2), QStringLiteral("2 minutes ago"));
    QCoreApplication::removeTranslator(&t);
}

#endif

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
