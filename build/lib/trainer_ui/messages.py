"""The shell's messages: key -> {"id": Indonesian, "en": English}. Data only."""

MESSAGES: dict[str, dict[str, str]] = {
    # shell
    "signed_in_as": {"id": "Masuk sebagai {user} ({role})", "en": "Signed in as {user} ({role})"},
    "sign_out": {"id": "Keluar", "en": "Sign out"},
    "role_trainee": {"id": "peserta", "en": "trainee"},
    "role_trainer": {"id": "trainer", "en": "trainer"},
    "role_assessor": {"id": "asesor", "en": "assessor"},
    "services_down": {
        "id": "Layanan mock tidak dapat dihubungi. Isian Anda tetap tersimpan; coba lagi "
        "sebentar lagi.",
        "en": "The mock services are down. What you typed is kept; try again in a moment.",
    },
    "services_slow": {
        "id": "Layanan mock terlalu lambat menjawab. Isian Anda tetap tersimpan; coba lagi.",
        "en": "The mock services are too slow to answer. What you typed is kept; try again.",
    },
    "session_expired": {
        "id": "Sesi Anda berakhir. Silakan keluar lalu masuk lagi.",
        "en": "Your session has expired. Please sign out and sign in again.",
    },
    "expected": {"id": "yang diharapkan", "en": "expected"},
    "please_sign_in": {"id": "Silakan masuk dahulu.", "en": "Please sign in first."},
    "not_allowed": {
        "id": "Halaman ini hanya untuk trainer.",
        "en": "This page is for trainers only.",
    },
    "section_practice": {"id": "Latihan", "en": "Practice"},
    "section_trainer": {"id": "Trainer", "en": "Trainer"},
    "page_signin": {"id": "Masuk", "en": "Sign in"},
    "page_home": {"id": "Beranda", "en": "Home"},
    "page_attempt": {"id": "Percobaan", "en": "Attempt"},
    "page_review": {"id": "Hasil percobaan", "en": "Attempt result"},
    "page_library": {"id": "Pustaka kasus", "en": "Case library"},
    "page_authoring": {"id": "Tulis kasus", "en": "Authoring"},
    "page_cohort": {"id": "Dasbor kohort", "en": "Cohort dashboard"},
    "page_exams": {"id": "Ujian", "en": "Exams"},
    "page_phrasings": {"id": "Bahasa agen", "en": "Agent phrasings"},
    # sign-in
    "signin_title": {"id": "Gladi — masuk", "en": "Gladi — sign in"},
    "signin_intro": {
        "id": "Latihan penanganan keluhan pelanggan sesuai SOP pada tool tiruan.",
        "en": "Practise handling customer complaints by the SOPs on mock tools.",
    },
    "username": {"id": "Nama pengguna", "en": "Username"},
    "password": {"id": "Kata sandi", "en": "Password"},
    "sign_in": {"id": "Masuk", "en": "Sign in"},
    "fill_user_password": {
        "id": "Isi nama pengguna dan kata sandi.",
        "en": "Fill in the username and the password.",
    },
    "wrong_credentials": {
        "id": "Nama pengguna atau kata sandi salah.",
        "en": "Wrong username or password.",
    },
}
