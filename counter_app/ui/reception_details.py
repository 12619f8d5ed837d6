"""How the dossier came and how its result goes back: channel, delivery, sets, fees, notes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain import validation as v
from ..domain.model import Channel, FeeLine, Procedure, ResultDelivery
from . import labels, settings
from .field_problems import ProblemLabel, problem_text

MAX_SETS = 20


@dataclass(frozen=True)
class Details:
    channel: Channel
    postal_item: str
    delivery: ResultDelivery
    delivery_address: str
    sets: int
    fees: tuple[FeeLine, ...]
    notes: str
    return_address: str = ""  # postal mode: địa chỉ hoàn trả (empty: the sender's)


class DetailsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tiếp nhận và trả kết quả"), parent)
        self._procedure: Procedure | None = None
        self.channel = QComboBox()
        for channel in (Channel.DIRECT, Channel.POSTAL):
            self.channel.addItem(labels.channel_name(channel), channel)
        self.postal_item = QLineEdit()
        self.postal_item.setPlaceholderText(self.tr("vd. EB125966888VN"))
        self.delivery = QComboBox()
        self.delivery_address = QLineEdit()
        self.delivery_address.setPlaceholderText(
            self.tr("Trống: địa chỉ chủ hồ sơ"))
        self.sets = QSpinBox()
        self.sets.setRange(1, MAX_SETS)
        self.fees_paid = QCheckBox()
        self.notes = QLineEdit()
        self.return_address = QLineEdit()  # postal mode only (docs/postal.md)
        self.return_address.setPlaceholderText(self.tr("Trống: địa chỉ người gửi"))
        self.postal_mode = False

        self._problems: dict[str, ProblemLabel] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        rows: list[list[tuple[str, str, QWidget]]] = [
            [("channel", self.tr("Kênh tiếp nhận"), self.channel),
             ("postal_item", self.tr("Số hiệu bưu gửi"), self.postal_item)],
            [("delivery", self.tr("Nhận kết quả"), self.delivery),
             ("delivery_address", self.tr("Địa chỉ nhận"), self.delivery_address)],
            [("sets", self.tr("Số bộ hồ sơ"), self.sets),
             ("fees", self.tr("Phí, lệ phí"), self.fees_paid)],
            [("notes", self.tr("Ghi chú"), self.notes)],
            [("return_address", self.tr("Địa chỉ hoàn trả"), self.return_address)],
        ]
        self._captions: dict[str, QLabel] = {}
        for r, row in enumerate(rows):
            for c, (name, caption, widget) in enumerate(row):
                cell = QVBoxLayout()
                cell.setSpacing(1)
                cell.addWidget(widget)
                self._problems[name] = ProblemLabel()
                cell.addWidget(self._problems[name])
                label = QLabel(caption)
                label.setBuddy(widget)
                # Level with its field even when a problem line opens under the field.
                label.setMinimumHeight(widget.sizeHint().height())
                self._captions[name] = label
                grid.addWidget(label, r, 2 * c, Qt.AlignmentFlag.AlignTop)
                grid.addLayout(cell, r, 2 * c + 1, 1, 3 if len(row) == 1 else 1)

        self.channel.currentIndexChanged.connect(self._on_choice_changed)
        self.delivery.currentIndexChanged.connect(self._on_choice_changed)
        self.postal_item.editingFinished.connect(self._on_postal_item_editing_finished)
        self.set_procedure(None)
        self._restore_channel()
        self.set_postal_mode(False)

    def set_postal_mode(self, on: bool) -> None:
        """The post-office desk: channel 3 fixed, the S10 item required, a return address."""
        self.postal_mode = on
        if on:
            self.channel.setCurrentIndex(self.channel.findData(Channel.POSTAL))
        self.channel.setEnabled(not on)
        self.return_address.setVisible(on)
        self._captions["return_address"].setVisible(on)
        self._on_choice_changed()

    # ----- last choices: what most citizens of this counter choose, kept between runs --------

    def remember_choices(self) -> None:
        """After a saved dossier: its channel and result delivery become the next defaults."""
        channel, delivery = self.channel.currentData(), self.delivery.currentData()
        settings.save_text(settings.LAST_CHANNEL, str(int(channel)) if channel else "")
        settings.save_text(settings.LAST_DELIVERY, str(delivery) if delivery else "")

    @staticmethod
    def _select(box: QComboBox, value: str) -> bool:
        for i in range(box.count()):
            data = box.itemData(i)
            if value and str(getattr(data, "value", data)) == value:
                box.setCurrentIndex(i)
                return True
        return False

    def _restore_channel(self) -> None:
        if not self._select(self.channel, settings.load_text(settings.LAST_CHANNEL)):
            self.channel.setCurrentIndex(0)

    def _restore_delivery(self) -> None:
        self._select(self.delivery, settings.load_text(settings.LAST_DELIVERY))

    def set_procedure(self, procedure: Procedure | None) -> None:
        self._procedure = procedure
        self.delivery.clear()
        offered = procedure.result_delivery if procedure else tuple(ResultDelivery)
        for delivery in offered:
            self.delivery.addItem(labels.delivery_name(delivery), delivery)
        self._restore_delivery()
        self.sets.setValue(procedure.sets if procedure else 1)
        total = sum(f.amount for f in procedure.fees) if procedure else 0
        self.fees_paid.setText(self.tr("Đã thu {amount}").format(
            amount=labels.format_money(total)) if total else self.tr("Không thu phí"))
        self.fees_paid.setEnabled(total > 0)
        self.fees_paid.setChecked(False)
        self._on_choice_changed()

    def set_postal_item(self, item: str) -> None:
        """A scanned S10 number: the dossier came by post."""
        self.channel.setCurrentIndex(self.channel.findData(Channel.POSTAL))
        self.postal_item.setText(item)
        self.show_problem("postal_item", "")

    def details(self) -> Details:
        channel = Channel(self.channel.currentData())
        delivery = self.delivery.currentData() or ResultDelivery.COUNTER
        procedure_fees = self._procedure.fees if self._procedure else ()
        paid = self.fees_paid.isChecked()
        return Details(
            channel=channel,
            postal_item=self.postal_item.text() if channel == Channel.POSTAL else "",
            delivery=ResultDelivery(delivery),
            delivery_address=(self.delivery_address.text()
                              if delivery == ResultDelivery.POST else ""),
            sets=self.sets.value(),
            fees=tuple(FeeLine(f.name, f.amount, paid=paid and f.amount > 0)
                       for f in procedure_fees),
            notes=self.notes.text(),
            return_address=self.return_address.text() if self.postal_mode else "",
        )

    def clear(self) -> None:
        self._restore_channel()
        if self.postal_mode:
            self.channel.setCurrentIndex(self.channel.findData(Channel.POSTAL))
        self.return_address.clear()
        self.postal_item.clear()
        self.delivery_address.clear()
        self.notes.clear()
        self.set_procedure(None)
        self.clear_problems()

    def widget_for(self, name: str) -> QWidget | None:
        name = name.split("[")[0]
        widget = getattr(self, name, None) if name in self._problems else None
        return widget if isinstance(widget, QWidget) else None

    def show_problem(self, name: str, text: str) -> bool:
        label = self._problems.get(name.split("[")[0])
        if label is None:
            return False
        label.show_problem(text)
        return True

    def clear_problems(self) -> None:
        for label in self._problems.values():
            label.show_problem("")

    def _on_choice_changed(self, *_args: object) -> None:
        postal = self.channel.currentData() == Channel.POSTAL
        self.postal_item.setEnabled(postal)
        self.delivery_address.setEnabled(self.delivery.currentData() == ResultDelivery.POST)

    def _on_postal_item_editing_finished(self) -> None:
        text = self.postal_item.text()
        code = v.s10_problem(text) if text.strip() else None
        self.show_problem("postal_item", problem_text(code) if code else "")
