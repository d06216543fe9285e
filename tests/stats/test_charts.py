"""Chart geometry: axes people can read, bars in proportion, every value in words."""

from django.utils import translation

from stats import charts


def test_axis_maximum_is_a_round_number_at_or_above_the_data():
    assert [charts.nice_ceiling(v) for v in (0, 7, 10, 11, 36_500, 288_008)] == [
        1,
        10,
        10,
        20,
        50_000,
        500_000,
    ]


def test_bars_are_in_proportion_and_described_in_vietnamese_numbers():
    with translation.override("vi"):
        chart = charts.bar_chart(
            "c",
            "Hồ sơ theo cấp",
            [("Cấp tỉnh", 12_200), ("Cấp xã", 36_500)],
            value_heading="Hồ sơ",
            label_heading="Cấp",
        )

    province, commune = chart.marks
    assert chart.description == "Cấp tỉnh: 12.200; Cấp xã: 36.500"
    assert round(commune.height / province.height, 2) == round(36_500 / 12_200, 2)
    assert province.y + province.height == chart.plot_bottom
    assert [tick.display for tick in chart.ticks] == ["0", "10.000", "20.000", "30.000", "40.000"]


def test_a_long_series_names_only_some_points_but_always_the_latest():
    items = [(f"{day:02d}/10/2024", day) for day in range(1, 31)]
    chart = charts.line_chart("d", "Ngày", items, value_heading="Lượt", label_heading="Ngày")

    named = [mark.label for mark in chart.marks if mark.show_label]
    assert 4 <= len(named) <= 8
    assert named[-1] == "30/10/2024"
    assert len(chart.points.split()) == 30


def test_long_labels_are_shortened_but_kept_whole_for_the_table():
    label = "Thành lập và hoạt động của doanh nghiệp xã hội"
    chart = charts.horizontal_bar_chart(
        "f", "Lĩnh vực", [(label, 3)], value_heading="Số thủ tục", label_heading="Lĩnh vực"
    )

    assert chart.marks[0].short_label.endswith("…")
    assert chart.marks[0].label == label


def test_no_data_makes_an_empty_chart():
    assert charts.bar_chart("e", "Trống", [], value_heading="", label_heading="").is_empty


def test_value_axis_ticks_fall_on_round_numbers():
    assert [charts.axis(v) for v in (1, 7, 38, 66, 84, 288_008)] == [
        (1, 1),
        (8, 4),
        (40, 4),
        (80, 4),
        (100, 2),
        (300_000, 3),
    ]
