#pragma once
// The history's own encoding of a job's file list: a versioned QDataStream blob. It belongs to the store alone,
// so changing the CLI's JSON or the wire parser can never change what the database holds.

#include "ImportTypes.h"

#include <QByteArray>
#include <QVector>

namespace HistoryCodec {

QByteArray encodeFiles(const QVector<FileProgress> &files);
// Empty on a blob it cannot read (damaged, or from a newer codec).
QVector<FileProgress> decodeFiles(const QByteArray &blob);
// Schema 1–3 kept file lists as JSON text; read once, by the migration to schema 4.
QVector<FileProgress> decodeLegacyJsonFiles(const QByteArray &json);

} // namespace HistoryCodec
