#include "EmptyState.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

EmptyState::EmptyState(QWidget *parent) : QWidget(parent)
{
    setAutoFillBackground(false);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    m_title = new QLabel(tr("Watch your bulk imports"), this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setAlignment(Qt::AlignCenter);
    m_body = new QLabel(tr("Bulkwatch follows bulk-import jobs on Zilliz Cloud and Milvus: their progress, the server's whole "
                           "reason when one fails, and a notification when they end. Jobs started anywhere (SDKs, pipelines) "
                           "appear by themselves. API keys stay in the system keychain."),
                        this);
    m_body->setWordWrap(true);
    m_body->setAlignment(Qt::AlignCenter);
    m_body->setMaximumWidth(m_body->fontMetrics().averageCharWidth() * 70);
    m_add = new QPushButton(tr("Add connection…"), this);
    m_add->setDefault(true);
    m_demo = new QPushButton(tr("Open the demo"), this);
    m_demo->setToolTip(tr("A simulated server with a few imports, in a window of its own: nothing is saved"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_demo);
    buttons->addStretch(1);
    auto *body = new QHBoxLayout;
    body->addStretch(1);
    body->addWidget(m_body);
    body->addStretch(1);
    outer->addWidget(m_title);
    outer->addLayout(body);
    outer->addSpacing(8);
    outer->addLayout(buttons);
    outer->addStretch(1);
    connect(m_add, &QPushButton::clicked, this, &EmptyState::addConnectionClicked);
    connect(m_demo, &QPushButton::clicked, this, &EmptyState::openDemoClicked);
}

QString EmptyState::text() const
{
    return m_title->text() + QLatin1Char('\n') + m_body->text();
}
