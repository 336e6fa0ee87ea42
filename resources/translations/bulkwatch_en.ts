<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConnectionDialog</name>
    <message numerus="yes">
        <source>Connected: the server lists %n import job(s).</source>
        <translation type="vanished">
            <numerusform>Connected: the server lists %n import job.</numerusform>
            <numerusform>Connected: the server lists %n import jobs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EtaEstimator</name>
    <message numerus="yes">
        <source>Sorting and building the index: about %1 on this server for this many rows (from %n finished job(s)).</source>
        <translation>
            <numerusform>Sorting and building the index: about %1 on this server for this many rows (from %n finished job).</numerusform>
            <numerusform>Sorting and building the index: about %1 on this server for this many rows (from %n finished jobs).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rows: %1 at the rate since the rows started, then sorting and building the index: about %2 (from %n finished job(s) on this server).</source>
        <translation>
            <numerusform>Rows: %1 at the rate since the rows started, then sorting and building the index: about %2 (from %n finished job on this server).</numerusform>
            <numerusform>Rows: %1 at the rate since the rows started, then sorting and building the index: about %2 (from %n finished jobs on this server).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not kept</source>
        <translation>
            <numerusform>%n not kept</numerusform>
            <numerusform>%n not kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n importing</source>
        <translation>
            <numerusform>%n importing</numerusform>
            <numerusform>%n importing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): %1</source>
        <translation>
            <numerusform>%n file: %1</numerusform>
            <numerusform>%n files: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n second ago</numerusform>
            <numerusform>%n seconds ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no change for %n min</source>
        <translation>
            <numerusform>no change for %n min</numerusform>
            <numerusform>no change for %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Remove %n job(s) from Bulkwatch&apos;s history? Nothing changes on the server.</source>
        <translation>
            <numerusform>Remove %n job from Bulkwatch&apos;s history? Nothing changes on the server.</numerusform>
            <numerusform>Remove %n jobs from Bulkwatch&apos;s history? Nothing changes on the server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n job(s)</source>
        <translation>
            <numerusform>Remove %n job</numerusform>
            <numerusform>Remove %n jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message numerus="yes">
        <source>%n imports completed on %1</source>
        <translation>
            <numerusform>%n import completed on %1</numerusform>
            <numerusform>%n imports completed on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n imports failed on %1</source>
        <translation>
            <numerusform>%n import failed on %1</numerusform>
            <numerusform>%n imports failed on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n imports expired on %1</source>
        <translation>
            <numerusform>%n import expired on %1</numerusform>
            <numerusform>%n imports expired on %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
</TS>
