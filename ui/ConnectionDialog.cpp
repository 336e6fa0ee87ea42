#include "ConnectionDialog.h"

#include "ErrorAdvice.h"
#include "ImportService.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

ConnectionDialog::ConnectionDialog(ImportService *service, const Connection *existing, QWidget *parent)
    : QDialog(parent), m_service(service)
{
    setWindowTitle(existing ? tr("Edit connection") : tr("Add connection"));
    setMinimumWidth(520);
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Zilliz Cloud"));
    m_kind->addItem(tr("Milvus (self-hosted)"));
    m_kind->setAccessibleName(tr("Connection type"));
    m_name = new QLineEdit(this);
    m_name->setAccessibleName(tr("Name"));
    m_url = new QLineEdit(this);
    m_url->setAccessibleName(tr("Endpoint URL"));
    m_cluster = new QLineEdit(this);
    m_cluster->setPlaceholderText(QStringLiteral("in01-xxxxxxxxxxxxxxx"));
    m_cluster->setAccessibleName(tr("Cluster ID"));
    m_project = new QLineEdit(this);
    m_project->setPlaceholderText(tr("proj-… (instead of a cluster ID)"));
    m_region = new QLineEdit(this);
    m_region->setPlaceholderText(QStringLiteral("aws-us-west-2"));
    m_db = new QLineEdit(this);
    m_db->setPlaceholderText(QStringLiteral("default"));
    m_db->setAccessibleName(tr("Database"));
    m_dialect = new QComboBox(this);
    m_dialect->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_dialect->addItem(tr("v2 (current)"), QStringLiteral("v2"));
    m_dialect->addItem(tr("v1 (legacy cloud API)"), QStringLiteral("cloud-v1"));
    m_key = new QLineEdit(this);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setAccessibleName(tr("API key or token"));
    // Show / hide the key, to check what was pasted: a button with words (no style has an eye icon to rely on).
    m_showKey = new QAction(tr("Show key"), this);
    m_showKey->setCheckable(true);
    m_showKey->setToolTip(tr("Show the key"));
    auto *showKeyButton = new QToolButton(this);
    showKeyButton->setDefaultAction(m_showKey);
    showKeyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *keyRow = new QHBoxLayout;
    keyRow->setContentsMargins(0, 0, 0, 0);
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(showKeyButton);
    connect(m_showKey, &QAction::toggled, this, [this](bool shown) {
        m_key->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showKey->setText(shown ? tr("Hide key") : tr("Show key"));
        m_showKey->setToolTip(shown ? tr("Hide the key") : tr("Show the key"));
    });
    // How long the server keeps a finished job: for "forgotten in ~2 h" in the table (Milvus'
    // dataCoord.import.taskRetention; protocol.md).
    m_retentionHours = new QSpinBox(this);
    m_retentionHours->setRange(1, 24 * 30);
    m_retentionHours->setValue(3);
    m_retentionHours->setSuffix(tr(" h"));
    m_retentionHours->setAccessibleName(tr("Server keeps finished jobs"));
    m_retentionHours->setToolTip(tr("How long the server lists a job after it ended: Milvus 3 h by default "
                                    "(dataCoord.import.taskRetention), 48 h from 2.6.24. Bulkwatch keeps its own history."));
    m_caFile = new QLineEdit(this);
    m_caFile->setPlaceholderText(tr("optional: a PEM file of a private CA to trust"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setAccessibleName(tr("Choose the CA certificate file"));
    m_pickFile = [this](const QString &current) {
        return QFileDialog::getOpenFileName(this, tr("CA certificate"), current.isEmpty() ? QString() : QFileInfo(current).absolutePath(),
                                            tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    };
    auto *caRow = new QHBoxLayout;
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    m_sessionOnly = new QCheckBox(tr("Keep the key for this session only (not in the keychain)"), this);
    m_test = new QPushButton(tr("&Test connection"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Connection status"));
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // The status has a fixed room of its own (five lines; a longer text scrolls): a message growing or shrinking
    // never moves or squashes the form above it.
    m_statusArea = new QScrollArea(this);
    m_statusArea->setWidget(m_status);
    m_statusArea->setWidgetResizable(true);
    m_statusArea->setFrameShape(QFrame::NoFrame);
    m_statusArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_statusArea->setFixedHeight(fontMetrics().lineSpacing() * 5 + 4);
    m_statusArea->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_form = new QFormLayout;
    m_form->addRow(tr("&Type:"), m_kind);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&Endpoint:"), m_url);
    // The cluster: picked from the list the key can see, or typed.
    m_clusterRow = new QWidget(this);
    auto *clusterLayout = new QHBoxLayout(m_clusterRow);
    clusterLayout->setContentsMargins(0, 0, 0, 0);
    m_clusterPick = new QComboBox(m_clusterRow);
    m_clusterPick->setObjectName(QStringLiteral("clusterPicker"));
    m_clusterPick->setAccessibleName(tr("Clusters"));
    m_clusterPick->hide();
    m_listClusters = new QPushButton(tr("List clusters"), m_clusterRow);
    m_listClusters->setObjectName(QStringLiteral("listClusters"));
    clusterLayout->addWidget(m_cluster, 1);
    clusterLayout->addWidget(m_clusterPick, 1);
    clusterLayout->addWidget(m_listClusters);
    m_clusterRow->setFocusProxy(m_cluster);
    connect(m_listClusters, &QPushButton::clicked, this, &ConnectionDialog::listClusters);
    connect(m_clusterPick, &QComboBox::activated, this, [this](int i) { m_cluster->setText(m_clusterPick->itemData(i).toString()); });
    m_form->addRow(tr("&Cluster ID:"), m_clusterRow);
    m_form->addRow(tr("&Project ID:"), m_project);
    m_form->addRow(tr("&Region:"), m_region);
    m_form->addRow(tr("&Database:"), m_db);
    m_form->addRow(tr("&API:"), m_dialect);
    m_form->addRow(tr("&Key:"), keyRow);
    m_keyLabel = qobject_cast<QLabel *>(m_form->labelForField(keyRow));
    if (m_keyLabel)
        m_keyLabel->setBuddy(m_key);
    m_form->addRow(QString(), m_sessionOnly);
    m_form->addRow(tr("&CA certificate:"), caRow);
    m_form->addRow(tr("Server keeps &finished jobs:"), m_retentionHours);
    if (auto *caLabel = qobject_cast<QLabel *>(m_form->labelForField(caRow)))
        caLabel->setBuddy(m_caFile); // Alt+C lands in the field, not on the row's layout

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_statusArea);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    if (existing) {
        m_id = existing->id;
        m_hadKey = existing->hasKey;
        m_wasSessionOnly = existing->sessionOnlyKey;
        m_kind->setCurrentIndex(existing->kind == Connection::Kind::ZillizCloud ? 0 : 1);
        m_name->setText(existing->name);
        m_url->setText(existing->baseUrl.toString());
        m_cluster->setText(existing->clusterId);
        m_project->setText(existing->projectId);
        m_region->setText(existing->regionId);
        m_db->setText(existing->dbName);
        m_dialect->setCurrentIndex(std::max(0, m_dialect->findData(dialectName(existing->dialect))));
        m_sessionOnly->setChecked(existing->sessionOnlyKey);
        m_caFile->setText(existing->caFile);
        m_retentionHours->setValue(static_cast<int>(std::max<qint64>(1, (existing->retentionSeconds + 1800) / 3600)));
        m_key->setPlaceholderText(existing->hasKey ? tr("unchanged — type to replace") : tr("none"));
    } else {
        m_kind->setCurrentIndex(1);
        m_url->setText(defaultUrl(Connection::Kind::Milvus));
    }
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionDialog::onKindSwitched);
    for (QLineEdit *e : {m_name, m_url, m_cluster, m_project, m_region, m_db, m_key, m_caFile})
        connect(e, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    connect(m_browse, &QPushButton::clicked, this, &ConnectionDialog::browseCaFile);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    updateKind();
}

QString ConnectionDialog::defaultUrl(Connection::Kind kind)
{
    return kind == Connection::Kind::ZillizCloud ? QStringLiteral("https://api.cloud.zilliz.com") : QStringLiteral("http://localhost:19530");
}

Connection::Kind ConnectionDialog::kind() const
{
    return m_kind->currentIndex() == 0 ? Connection::Kind::ZillizCloud : Connection::Kind::Milvus;
}

QWidget *ConnectionDialog::statusArea() const
{
    return m_statusArea;
}

QPushButton *ConnectionDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

void ConnectionDialog::onKindSwitched()
{
    // Another type is another server: start from its usual address rather than keep the other type's.
    m_url->setText(defaultUrl(kind()));
    updateKind();
}

void ConnectionDialog::browseCaFile()
{
    const QString path = m_pickFile ? m_pickFile(m_caFile->text().trimmed()) : QString();
    if (!path.isEmpty())
        m_caFile->setText(path);
}

void ConnectionDialog::updateKind()
{
    const bool cloud = kind() == Connection::Kind::ZillizCloud;
    m_url->setPlaceholderText(defaultUrl(kind()));
    m_form->setRowVisible(m_clusterRow, cloud);
    m_form->setRowVisible(m_project, cloud);
    m_form->setRowVisible(m_region, cloud);
    if (m_keyLabel)
        m_keyLabel->setText(cloud ? tr("API &key:") : tr("&Token:"));
    if (m_key->placeholderText().isEmpty() || m_key->placeholderText().startsWith(QLatin1String("user")) || m_key->placeholderText().startsWith(QLatin1String("Zilliz")))
        m_key->setPlaceholderText(cloud ? tr("Zilliz Cloud API key") : tr("user:password or token (empty without auth)"));
    validate();
}

QString ConnectionDialog::effectiveUrlText() const
{
    const QString t = m_url->text().trimmed();
    if (t.isEmpty() || t.contains(QLatin1String("://")))
        return t;
    // No scheme typed: Zilliz Cloud only speaks https; a self-hosted Milvus usually plain http on 19530.
    return (kind() == Connection::Kind::ZillizCloud ? QStringLiteral("https://") : QStringLiteral("http://")) + t;
}

Connection ConnectionDialog::connection() const
{
    Connection c;
    c.id = m_id;
    c.kind = kind();
    c.name = m_name->text().trimmed();
    QString problem;
    c.baseUrl = parseEndpointUrl(effectiveUrlText(), &problem);
    dialectFromName(m_dialect->currentData().toString(), &c.dialect);
    if (c.kind == Connection::Kind::ZillizCloud) {
        c.clusterId = m_cluster->text().trimmed();
        c.projectId = m_project->text().trimmed();
        c.regionId = m_region->text().trimmed();
    }
    c.dbName = m_db->text().trimmed();
    c.sessionOnlyKey = m_sessionOnly->isChecked();
    c.hasKey = m_key->text().isEmpty() ? m_hadKey : true;
    c.caFile = m_caFile->text().trimmed();
    c.retentionSeconds = static_cast<qint64>(m_retentionHours->value()) * 3600;
    return c;
}

std::optional<QByteArray> ConnectionDialog::key() const
{
    if (m_key->text().isEmpty() && !m_id.isEmpty() && m_sessionOnly->isChecked() == m_wasSessionOnly)
        return std::nullopt;
    return m_key->text().trimmed().toUtf8();
}

QString ConnectionDialog::statusText() const
{
    return m_status->text();
}

QString ConnectionDialog::typeProblem() const
{
    if (kind() != Connection::Kind::ZillizCloud)
        return {}; // Milvus: any http(s) URL; the token is optional (a server without auth has none)
    QString problem;
    const QUrl url = parseEndpointUrl(effectiveUrlText(), &problem);
    if (!problem.isEmpty())
        return problem;
    Endpoint ep;
    ep.baseUrl = url;
    if (!ep.isZillizCloud())
        return tr("%1 is not a Zilliz Cloud address (api.cloud.zilliz.com, or a host under zillizcloud.com). "
                  "For a self-hosted Milvus, or a proxy in front of one, choose the type Milvus.").arg(url.host());
    if (url.scheme() != QLatin1String("https"))
        return tr("Zilliz Cloud is reached over https:// only; http:// would send the API key in clear text.");
    if (m_key->text().trimmed().isEmpty() && !m_hadKey)
        return tr("Zilliz Cloud needs an API key: paste one from the console (API Keys).");
    return {};
}

void ConnectionDialog::validate()
{
    QString problem;
    parseEndpointUrl(effectiveUrlText(), &problem);
    if (problem.isEmpty())
        problem = typeProblem();
    if (problem.isEmpty())
        problem = connection().problem();
    if (problem.isEmpty() && !m_caFile->text().trimmed().isEmpty() && !QFileInfo::exists(m_caFile->text().trimmed()))
        problem = tr("The CA certificate file does not exist.");
    if (m_name->text().trimmed().isEmpty() && !m_url->text().trimmed().isEmpty() && problem == tr("Give the connection a name."))
        problem.clear(); // a name can be derived from the URL
    saveButton()->setEnabled(problem.isEmpty());
    m_test->setEnabled(problem.isEmpty());
    if (m_keychainFailed)
        return;
    const QString typed = m_url->text().trimmed();
    if (problem.isEmpty() && !typed.isEmpty() && !typed.contains(QLatin1String("://")))
        problem = tr("No scheme given: %1 assumed (%2).").arg(effectiveUrlText().section(QLatin1String("://"), 0, 0) + QStringLiteral("://"),
                                                              effectiveUrlText());
    m_status->setText(problem);
}

void ConnectionDialog::testConnection()
{
    const Connection c = connection();
    const QString tried = c.baseUrl.toDisplayString();
    const bool noKey = key().has_value() ? key()->isEmpty() : !c.hasKey;
    m_status->setText(tr("Testing %1…").arg(tried));
    m_test->setEnabled(false);
    QPointer<ConnectionDialog> self(this);
    m_service->testConnection(c, key(), this, [self, tried, noKey](int jobs, const ApiError &e) {
        if (!self)
            return;
        self->m_test->setEnabled(true);
        if (e.isError()) {
            // A key that was refused and a key that was never given are different mistakes.
            const QString advice = e.kind == ErrorKind::Auth && noKey
                ? tr("The server asks for a key and none was given: enter the API key (Zilliz Cloud) or user:password / "
                     "token (Milvus).\n%1").arg(e.summary())
                : ErrorAdvice::forConnection(e);
            self->m_status->setText(advice + QLatin1Char('\n') + tr("Tried %1.").arg(tried));
            Q_EMIT self->tested(false);
        } else {
            self->m_status->setText(jobs == 1 ? tr("Connected to %1: the server lists 1 import job.").arg(tried)
                                              : tr("Connected to %1: the server lists %2 import jobs.").arg(tried).arg(jobs));
            Q_EMIT self->tested(true);
        }
    });
}

void ConnectionDialog::accept()
{
    Connection c = connection();
    if (c.name.isEmpty())
        c.name = c.baseUrl.host() + (c.dbName.isEmpty() ? QString() : QStringLiteral(" / ") + c.dbName);
    const auto k = key();
    m_buttons->setEnabled(false);
    QPointer<ConnectionDialog> self(this);
    m_service->saveConnection(c, k, [self](const QString &problem) {
        if (!self)
            return;
        self->m_buttons->setEnabled(true);
        if (problem.isEmpty()) {
            Q_EMIT self->saved();
            self->QDialog::accept();
            return;
        }
        // No usable keychain: say so plainly and offer the session-only choice; never a plain-text file.
        self->m_keychainFailed = true;
        self->m_status->setText(problem + QStringLiteral("\n\n")
                                + tr("You can keep the key for this session only: tick the box above and save again. "
                                     "It will be asked for again after a restart."));
        self->m_sessionOnly->setFocus();
    });
}

void ConnectionDialog::listClusters()
{
    if (!m_service)
        return;
    m_listClusters->setEnabled(false);
    m_status->setText(tr("Listing the clusters this key can see…"));
    QPointer<ConnectionDialog> self(this);
    m_service->listClusters(connection(), key(), this, [self](const QVector<ClusterInfo> &clusters, const ApiError &e) {
        if (!self)
            return;
        self->m_listClusters->setEnabled(true);
        if (e.isError()) {
            self->m_status->setText(ErrorAdvice::forConnection(e));
            return;
        }
        self->m_clusterPick->clear();
        for (const ClusterInfo &c : clusters) {
            const QString label = c.status == QLatin1String("RUNNING") ? tr("%1 (%2, %3)").arg(c.clusterName, c.clusterId, c.regionId)
                                                                     : tr("%1 (%2, %3) — %4").arg(c.clusterName, c.clusterId, c.regionId, c.status);
            self->m_clusterPick->addItem(label, c.clusterId);
        }
        self->m_clusterPick->setVisible(!clusters.isEmpty());
        self->m_status->setText(clusters.isEmpty() ? tr("This key sees no cluster.") : tr("Clusters found: %1 — pick one.").arg(clusters.size()));
        if (clusters.size() >= 1) {
            const int at = std::max(0, self->m_clusterPick->findData(self->m_cluster->text().trimmed()));
            self->m_clusterPick->setCurrentIndex(at);
            self->m_cluster->setText(self->m_clusterPick->itemData(at).toString());
        }
    });
}
