#include "AddJobDialog.h"

#include "ErrorAdvice.h"
#include "ImportService.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

AddJobDialog::AddJobDialog(ImportService *service, const QString &connectionId, QWidget *parent)
    : QDialog(parent), m_service(service)
{
    setWindowTitle(tr("Watch a job"));
    setMinimumWidth(460);
    m_connection = new QComboBox(this);
    m_connection->setAccessibleName(tr("Connection"));
    for (const Connection &c : service->connections())
        m_connection->addItem(c.name, c.id);
    m_connection->setCurrentIndex(std::max(0, m_connection->findData(connectionId)));
    m_id = new QLineEdit(this);
    m_id->setPlaceholderText(tr("e.g. 453240863839750922 or job-01fa0e5d42cjxudhpuehyp"));
    m_id->setToolTip(tr("Paste the ID alone, or a line of JSON or a log that holds it (\"jobId\": \"…\")."));
    m_id->setAccessibleName(tr("Job ID"));
    m_id->setMaxLength(2 * 1024 * 1024);
    m_found = new QLabel(this);
    m_found->setAccessibleName(tr("Job ID found"));
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // The message has a fixed room of its own (five lines; longer ones scroll): one appearing or growing never
    // squashes the fields above it or hides its last line.
    m_problemArea = new QScrollArea(this);
    m_problemArea->setWidget(m_problem);
    m_problemArea->setWidgetResizable(true);
    m_problemArea->setFrameShape(QFrame::NoFrame);
    m_problemArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_problemArea->setFixedHeight(fontMetrics().lineSpacing() * 5 + 4);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Watch"));
    m_checkAgain = m_buttons->addButton(tr("Check &again"), QDialogButtonBox::ActionRole);
    m_checkAgain->setVisible(false);
    auto *form = new QFormLayout;
    form->addRow(tr("&Connection:"), m_connection);
    form->addRow(tr("&Job ID:"), m_id);
    form->addRow(QString(), m_found);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problemArea);
    layout->addWidget(m_buttons);
    connect(m_id, &QLineEdit::textChanged, this, &AddJobDialog::validate);
    connect(m_connection, &QComboBox::currentIndexChanged, this, &AddJobDialog::validate);
    connect(m_checkAgain, &QPushButton::clicked, this, &AddJobDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddJobDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddJobDialog::reject);
    validate();
    // Ctrl+N then a paste: the keys go to the ID, not to the connection box above it.
    m_id->setFocus(Qt::OtherFocusReason);
}

QString AddJobDialog::problemText() const
{
    return m_problem->text();
}

QWidget *AddJobDialog::problemArea() const
{
    return m_problemArea;
}

QString AddJobDialog::jobId() const
{
    return ImportService::extractJobId(m_id->text());
}

QPushButton *AddJobDialog::watchButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void AddJobDialog::validate()
{
    // Anything typed or chosen anew is checked anew.
    m_mayAddUnchecked = false;
    m_refused = false;
    m_checkAgain->setVisible(false);
    watchButton()->setText(tr("&Watch"));
    QString problem;
    const QString id = jobId();
    if (m_connection->count() == 0)
        problem = tr("Add a connection first.");
    else if (!m_id->text().trimmed().isEmpty())
        problem = jobIdProblem(id);
    // Say which ID was found when it is not simply what was typed.
    m_found->setText(problem.isEmpty() && !id.isEmpty() && id != m_id->text().trimmed() ? tr("Will watch job %1").arg(id) : QString());
    m_problem->setText(problem);
    watchButton()->setEnabled(problem.isEmpty() && !id.isEmpty() && !m_checking);
}

void AddJobDialog::accept()
{
    if (m_checking || m_refused || !watchButton()->isEnabled())
        return;
    const QString connectionId = m_connection->currentData().toString();
    const QString id = jobId();
    // Already watched, or listed by the server: nothing to ask.
    if (m_mayAddUnchecked || m_service->job(JobRecord::keyOf(connectionId, id))) {
        add(connectionId, id);
        return;
    }
    check();
}

void AddJobDialog::check()
{
    const QString connectionId = m_connection->currentData().toString();
    const QString id = jobId();
    if (!jobIdProblem(id).isEmpty())
        return;
    m_checking = true;
    m_checkAgain->setVisible(false);
    watchButton()->setEnabled(false);
    m_problem->setText(tr("Asking the server about job %1…").arg(id));
    QPointer<AddJobDialog> self(this);
    m_service->checkJob(connectionId, id, this, [self, connectionId, id](const ApiError &e) {
        if (self)
            self->onChecked(connectionId, id, e);
    });
}

void AddJobDialog::onChecked(const QString &connectionId, const QString &id, const ApiError &e)
{
    m_checking = false;
    if (connectionId != m_connection->currentData().toString() || id != jobId()) {
        validate(); // the answer is about what was there before an edit
        return;
    }
    if (!e.isError()) {
        add(connectionId, id);
        return;
    }
    const Connection *c = m_service->connection(connectionId);
    const QString where = c ? c->name : connectionId;
    if (e.kind == ErrorKind::NotFound || e.kind == ErrorKind::Expired) {
        m_refused = true;
        m_problem->setText(tr("%1 does not know job %2: check the ID and the connection (or its database). "
                              "Jobs are forgotten some hours after they end.\nThe server said: %3")
                               .arg(where, id, e.summary()));
        watchButton()->setEnabled(false);
        return;
    }
    // The server could not be asked: say why, and leave the choice to the user.
    m_mayAddUnchecked = true;
    // No path: nothing was asked (the key is not read yet, …), so the plain reason says more than advice would.
    m_problem->setText(tr("Could not check job %1 with %2: %3\nWatch it anyway, or check again.")
                           .arg(id, where, e.path.isEmpty() ? e.message : ErrorAdvice::forConnection(e)));
    watchButton()->setText(tr("&Watch anyway"));
    watchButton()->setEnabled(true);
    m_checkAgain->setVisible(true);
}

void AddJobDialog::add(const QString &connectionId, const QString &id)
{
    const QString problem = m_service->addJob(connectionId, id);
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    m_addedKey = JobRecord::keyOf(connectionId, id);
    QDialog::accept();
}
