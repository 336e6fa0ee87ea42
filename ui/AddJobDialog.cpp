#include "AddJobDialog.h"

#include "ImportService.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
    m_id->setAccessibleName(tr("Job ID"));
    m_id->setMaxLength(2 * 1024 * 1024);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Watch"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Connection:"), m_connection);
    form->addRow(tr("&Job ID:"), m_id);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_id, &QLineEdit::textChanged, this, &AddJobDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddJobDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddJobDialog::reject);
    validate();
}

QString AddJobDialog::problemText() const
{
    return m_problem->text();
}

void AddJobDialog::validate()
{
    QString problem;
    if (m_connection->count() == 0)
        problem = tr("Add a connection first.");
    else if (!m_id->text().trimmed().isEmpty())
        problem = jobIdProblem(normalisedJobId(m_id->text()));
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !m_id->text().trimmed().isEmpty());
}

void AddJobDialog::accept()
{
    const QString connectionId = m_connection->currentData().toString();
    const QString problem = m_service->addJob(connectionId, m_id->text());
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    m_addedKey = JobRecord::keyOf(connectionId, normalisedJobId(m_id->text()));
    QDialog::accept();
}
