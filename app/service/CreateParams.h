#pragma once
// The create parameters Bulkwatch keeps with a job it started (for Retry): a JSON codec that never holds bucket
// keys, and the best guess at a request for a job created elsewhere.

#include "CreateRequest.h"
#include "JobRecord.h"

#include <QJsonObject>

namespace CreateParams {

QJsonObject toJson(const CreateRequest &req, bool bucketKeysRemembered); // without bucket keys
CreateRequest fromJson(const QJsonObject &params);
bool bucketKeysRemembered(const QJsonObject &params);
// Created elsewhere: what the server told us. Milvus shows "[a.npy, b.npy]"; older ones "id:… paths:\"…\"".
CreateRequest fromServerRecord(const JobRecord &r, const QString &dbName);

} // namespace CreateParams
