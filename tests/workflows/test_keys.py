from workflows.forms.keys import key_from_label


def test_key_is_readable_ascii_made_from_the_german_label():
    assert key_from_label("Größe der Gruppe") == "grosse_der_gruppe"
    assert key_from_label("E-Mail-Adresse") == "e_mail_adresse"


def test_key_from_a_non_latin_label_is_transliterated_not_mangled():
    assert key_from_label("Łódź") == "lodz"
    assert key_from_label("Партнёр").isascii()


def test_key_never_repeats_one_already_taken():
    assert key_from_label("Name", {"name", "name_2"}) == "name_3"


def test_key_starts_with_a_letter():
    assert key_from_label("27 oder älter") == "f_27_oder_alter"
