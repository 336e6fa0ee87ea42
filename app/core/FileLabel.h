#pragma once
// Display names for the file entries Milvus answers, and sizes people can read. Milvus names a file (or a set of
// NumPy files) as Go prints it — "[a.parquet]", "[a.npy, b.npy]", "[a.npy b.npy]", a JSON array
// ["a.parquet","b.parquet"] — or, on older servers, as a protobuf text: id:461… paths:"dir/a.npy" paths:"dir/b.npy".
// The raw entry stays what the server said (JSON output, tooltips); these are for people.

#include <QString>
#include <QStringList>

namespace FileLabel {

struct Entry
{
    QStringList paths; // the file names, in order; the trimmed entry itself when it has none of the forms above
    QString taskId;    // the legacy form's id (the server's import task), else empty
};

Entry parse(const QString &raw);
// The file names joined with ", ": "[a.parquet]" -> "a.parquet".
QString label(const QString &raw);

// A reason with Milvus' legacy file entries in it ("… file: id:461… paths:\"d/a.npy\" paths:\"d/b.npy\"") with each
// entry as its names: "… file: d/a.npy, d/b.npy". Other text is left as it is.
QString namesInText(const QString &text);

// "451.6 MiB (473,550,000 bytes)"; below 1 KiB just "512 bytes". English digits: for reports sent to support.
QString bytesText(qint64 bytes);
// The size alone in binary units: "16 GiB" when exact, "451.6 MiB", "just over 16 GiB" when a decimal would hide
// that it is more (16 GiB + 1 byte).
QString binarySize(qint64 bytes);
// Text with raw byte counts (fileSize=17179869185, maxSize=17179869184, "473550000 bytes") given units too:
// "maxSize=17179869184 (16 GiB)". Numbers below 1 KiB are left alone.
QString withSizeUnits(const QString &text);

} // namespace FileLabel
