#include "NewImportDialog.h"

#include "ErrorAdvice.h"
#include "ImportService.h"
#include "SafeCreate.h"

#include <QCheckBox>
#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStringListModel>
#include <QStyle>
#include <QVBoxLayout>

NewImportDialog::NewImportDialog(ImportService *service, const QString &connectionId, const CreateRequest &prefill, QWidget *parent)
    : QDialog(parent), m_service(service)
{
    setWindowTitle(prefill.collectionName.isEmpty() ? tr("New import") : tr("Start the import again"));
    setMinimumWidth(560);
    m_connection = new QComboBox(this);
    for (const Connection &c : service->connections())
        m_connection->addItem(c.name, c.id);
    m_connection->setCurrentIndex(std::max(0, m_connection->findData(connectionId)));
    m_connection->setAccessibleName(tr("Connection"));
    m_db = new QLineEdit(prefill.dbName, this);
    m_db->setPlaceholderText(QStringLiteral("default"));
    m_collection = new QLineEdit(prefill.collectionName, this);
    m_collection->setAccessibleName(tr("Collection"));
    // The server's collections as suggestions (Milvus lists them; Zilliz Cloud's control plane does not), while
    // any typed name stays allowed: the collection may be made later, or the list may be partial.
    m_collections = new QStringListModel(this);
    m_completer = new QCompleter(m_collections, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_collection->setCompleter(m_completer);
    auto *showAll = m_collection->addAction(style()->standardIcon(QStyle::SP_ArrowDown), QLineEdit::TrailingPosition);
    showAll->setText(tr("Show the server's collections"));
    showAll->setToolTip(showAll->text());
    connect(showAll, &QAction::triggered, this, [this] {
        m_completer->setCompletionPrefix(QString());
        m_completer->complete();
    });
    m_partition = new QLineEdit(prefill.partitionName, this);
    m_partition->setPlaceholderText(tr("(default partition)"));
    m_files = new QPlainTextEdit(this);
    m_files->setAccessibleName(tr("Files, one group per line"));
    QStringList lines;
    for (const QStringList &g : prefill.fileGroups)
        lines << g.join(QStringLiteral(", "));
    m_files->setPlainText(lines.join(QLatin1Char('\n')));
    m_files->setMinimumHeight(fontMetrics().height() * 6);
    m_accessKey = new QLineEdit(this);
    m_accessKey->setAccessibleName(tr("Bucket access key"));
    m_secretKey = new QLineEdit(this);
    m_secretKey->setEchoMode(QLineEdit::Password);
    m_secretKey->setAccessibleName(tr("Bucket secret key"));
    m_remember = new QCheckBox(tr("Remember the bucket keys in the keychain (for Retry)"), this);
    m_timeout = new QLineEdit(prefill.options.value(QLatin1String("timeout")).toString(), this);
    m_timeout->setPlaceholderText(tr("e.g. 300s (optional)"));
    m_twoPhase = new QCheckBox(tr("Two-phase: stage the data and wait for Commit"), this);
    m_twoPhase->setChecked(prefill.options.value(QLatin1String("auto_commit")).toString() == QLatin1String("false"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form = new QFormLayout;
    m_form->addRow(tr("&Connection:"), m_connection);
    m_form->addRow(tr("&Database:"), m_db);
    m_form->addRow(tr("C&ollection:"), m_collection);
    m_form->addRow(tr("&Partition:"), m_partition);
    m_form->addRow(tr("&Files:"), m_files);
    m_form->addRow(tr("&Access key:"), m_accessKey);
    m_form->addRow(tr("&Secret key:"), m_secretKey);
    m_form->addRow(QString(), m_remember);
    m_form->addRow(tr("&Timeout:"), m_timeout);
    m_form->addRow(QString(), m_twoPhase);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start import"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_connection, &QComboBox::currentIndexChanged, this, &NewImportDialog::updateKind);
    connect(m_db, &QLineEdit::editingFinished, this, &NewImportDialog::askForCollections);
    for (QLineEdit *e : {m_accessKey, m_secretKey})
        connect(e, &QLineEdit::textChanged, this, &NewImportDialog::validate);
    for (QLineEdit *e : {m_db, m_collection, m_partition, m_timeout})
        connect(e, &QLineEdit::textChanged, this, &NewImportDialog::validate);
    connect(m_files, &QPlainTextEdit::textChanged, this, &NewImportDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewImportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewImportDialog::reject);
    updateKind();
}

bool NewImportDialog::isCloud() const
{
    const Connection *c = m_service->connection(m_connection->currentData().toString());
    return c && (c->kind == Connection::Kind::ZillizCloud || !c->clusterId.isEmpty());
}

void NewImportDialog::updateKind()
{
    const bool cloud = isCloud();
    m_files->setPlaceholderText(cloud ? tr("One object URL per line, e.g.\ns3://bucket/folder/1.parquet\nSeveral NumPy files of one group: comma-separated")
                                      : tr("One file (path in the bucket) per line, e.g.\nfolder/1.parquet\nSeveral NumPy files of one group: a.npy, b.npy"));
    m_form->setRowVisible(m_accessKey, cloud);
    m_form->setRowVisible(m_secretKey, cloud);
    m_form->setRowVisible(m_remember, cloud);
    m_form->setRowVisible(m_timeout, !cloud);
    m_form->setRowVisible(m_twoPhase, !cloud);
    if (m_db->text().isEmpty())
        if (const Connection *c = m_service->connection(m_connection->currentData().toString()))
            m_db->setText(c->dbName);
    validate();
    askForCollections();
    probeKeychain();
}

QStringList NewImportDialog::collectionSuggestions() const
{
    return m_collections->stringList();
}

void NewImportDialog::askForCollections()
{
    const QString connectionId = m_connection->currentData().toString();
    const QString db = m_db->text().trimmed();
    const QString asked = connectionId + QLatin1Char('\n') + db;
    if (connectionId.isEmpty() || asked == m_askedFor)
        return;
    m_askedFor = asked;
    m_suggestionsAnswered = false;
    m_collections->setStringList({});
    QPointer<NewImportDialog> self(this);
    m_service->listCollections(connectionId, db, this, [self, asked](const QStringList &names, const ApiError &) {
        // A server without the endpoint, or one that cannot be asked now: simply no suggestions.
        if (!self || asked != self->m_askedFor)
            return;
        self->m_collections->setStringList(names);
        self->m_suggestionsAnswered = true;
    });
}

void NewImportDialog::probeKeychain()
{
    const QString connectionId = m_connection->currentData().toString();
    m_keychainChecked = false;
    m_remember->setEnabled(false);
    m_remember->setToolTip(tr("Checking the keychain…"));
    QPointer<NewImportDialog> self(this);
    m_service->probeKeychain(connectionId, this, [self, connectionId](bool usable, const QString &why) {
        if (!self || connectionId != self->m_connection->currentData().toString())
            return;
        self->m_keychainChecked = true;
        self->m_remember->setEnabled(usable);
        if (!usable)
            self->m_remember->setChecked(false);
        self->m_remember->setToolTip(usable ? tr("Kept in the OS keychain under this connection, for Retry; never in the history.")
                                            : tr("No keychain is available, so the keys are used for this request only. %1").arg(why));
    });
}

CreateRequest NewImportDialog::request() const
{
    CreateRequest r;
    r.dbName = m_db->text().trimmed();
    r.collectionName = m_collection->text().trimmed();
    r.partitionName = m_partition->text().trimmed();
    for (const QString &line : m_files->toPlainText().split(QLatin1Char('\n'))) {
        QStringList group;
        for (const QString &p : line.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!p.trimmed().isEmpty())
                group << p.trimmed();
        if (!group.isEmpty())
            r.fileGroups << group;
    }
    if (isCloud()) {
        r.accessKey = m_accessKey->text().trimmed().toUtf8();
        r.secretKey = m_secretKey->text().trimmed().toUtf8();
    } else {
        if (!m_timeout->text().trimmed().isEmpty())
            r.options.insert(QStringLiteral("timeout"), m_timeout->text().trimmed());
        if (m_twoPhase->isChecked())
            r.options.insert(QStringLiteral("auto_commit"), QStringLiteral("false"));
    }
    return r;
}

QString NewImportDialog::problem() const
{
    const CreateRequest r = request();
    if (m_connection->count() == 0)
        return tr("Add a connection first.");
    if (r.collectionName.isEmpty())
        return tr("Enter the collection to import into.");
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!name.match(r.collectionName).hasMatch())
        return tr("Collection names start with a letter or '_' and have only letters, digits and '_'.");
    if (!r.partitionName.isEmpty() && !name.match(r.partitionName).hasMatch())
        return tr("Partition names have only letters, digits and '_'.");
    if (r.dbName.contains(QLatin1Char(' ')))
        return tr("Database names have no spaces.");
    if (r.fileGroups.isEmpty())
        return tr("List at least one file (one group per line).");
    if (r.fileGroups.size() > 1024)
        return tr("%1 file groups: one job takes at most 1024. Split them over several imports.").arg(r.fileGroups.size());
    if (isCloud()) {
        static const QRegularExpression url(QStringLiteral("^(s3|gs|https?|oss|cos|az|abfss?)://\\S+$"), QRegularExpression::CaseInsensitiveOption);
        for (const QStringList &g : r.fileGroups)
            for (const QString &p : g)
                if (!url.match(p).hasMatch())
                    return tr("“%1” is not an object URL (s3://bucket/…, gs://…, https://…).").arg(p.left(200));
    }
    static const QRegularExpression timeout(QStringLiteral("^\\d+(s|m|h)?$"));
    if (!m_timeout->text().trimmed().isEmpty() && !timeout.match(m_timeout->text().trimmed()).hasMatch())
        return tr("The timeout is a duration such as 300s, 10m or 2h.");
    if (isCloud() && r.accessKey.isEmpty() != r.secretKey.isEmpty())
        return r.accessKey.isEmpty()
            ? tr("A secret key needs its access key: enter both, or neither when the cluster may read the bucket by itself.")
            : tr("An access key needs its secret key: enter both, or neither when the cluster may read the bucket by itself.");
    return {};
}

QString NewImportDialog::statusText() const
{
    return m_status->text();
}

void NewImportDialog::validate()
{
    const QString p = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
    m_status->setText(p);
}

namespace {
bool sameRequest(const CreateRequest &a, const CreateRequest &b)
{
    return a.dbName == b.dbName && a.collectionName == b.collectionName && a.partitionName == b.partitionName
        && a.fileGroups == b.fileGroups && a.accessKey == b.accessKey && a.secretKey == b.secretKey && a.options == b.options;
}
} // namespace

void NewImportDialog::accept()
{
    const QString p = problem();
    if (!p.isEmpty()) {
        m_status->setText(p);
        return;
    }
    const QString connectionId = m_connection->currentData().toString();
    CreateRequest req = request();
    const bool again = !m_unanswered.idempotencyKey.isEmpty() && connectionId == m_unansweredConnection && sameRequest(req, m_unanswered);
    req.idempotencyKey = again ? m_unanswered.idempotencyKey : newIdempotencyKey();
    m_buttons->setEnabled(false);
    m_status->setText(tr("Starting…"));
    QPointer<NewImportDialog> self(this);
    m_service->createJob(connectionId, req, m_remember->isChecked() && m_remember->isEnabled() && isCloud(),
                         [self, connectionId, req](const QString &key, const ApiError &e) {
                             if (!self)
                                 return;
                             self->m_buttons->setEnabled(true);
                             if (SafeCreate::answerLost(e)) {
                                 self->m_unanswered = req;
                                 self->m_unansweredConnection = connectionId;
                                 self->m_status->setText(ErrorAdvice::forLostCreate(e) + QStringLiteral("\n")
                                                         + tr("“Start import” sends this same import again with the same key: a server that honours "
                                                              "it (Milvus 2.6.24 or newer) names the job it made instead of importing the files twice."));
                                 return;
                             }
                             self->m_unanswered = {};
                             if (e.isError()) {
                                 self->m_status->setText(ErrorAdvice::forCreate(e));
                                 return;
                             }
                             self->m_createdKey = key;
                             self->QDialog::accept();
                         });
}
