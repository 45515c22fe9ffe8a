"""Messages of the trainer pages (library, authoring, cohort, exams): key -> {"id", "en"}."""

TRAINER_MESSAGES: dict[str, dict[str, str]] = {
    "all": {"id": "Semua", "en": "All"},
    # library
    "cases": {"id": "Kasus", "en": "Cases"},
    "case": {"id": "Kasus", "en": "Case"},
    "branches_covered": {"id": "Cabang SOP tercakup", "en": "SOP branches covered"},
    "branches_uncovered": {"id": "Cabang tanpa kasus", "en": "Branches without a case"},
    "cases_per_branch": {"id": "Jumlah kasus per cabang", "en": "Cases per branch"},
    "library_problems": {
        "id": "{count} berkas bermasalah tidak dimuat (kasus lain tetap berjalan)",
        "en": "{count} file(s) with problems left out (every other case still runs)",
    },
    # authoring
    "load_case": {"id": "Buka kasus yang ada", "en": "Open an existing case"},
    "load": {"id": "Buka", "en": "Open"},
    "form": {"id": "Form", "en": "Form"},
    "case_title": {"id": "Judul", "en": "Title"},
    "kind": {"id": "Jenis", "en": "Kind"},
    "covers": {"id": "Cabang SOP yang dicakup", "en": "SOP branches covered"},
    "conditions": {"id": "Kondisi (fakta: nilai)", "en": "Conditions (fact: value)"},
    "conditions_help": {
        "id": "Satu baris per fakta, mis. `payment_posted: true`.",
        "en": "One line per fact, e.g. `payment_posted: true`.",
    },
    "opening": {"id": "Kalimat pembuka pelanggan", "en": "Customer's opening line"},
    "temperament": {"id": "Watak pelanggan", "en": "Customer temperament"},
    "form_to_yaml": {"id": "Form → YAML", "en": "Form → YAML"},
    "yaml_to_form": {"id": "YAML → Form", "en": "YAML → Form"},
    "yaml_valid": {"id": "Valid. Akan disimpan sebagai {path}", "en": "Valid. Saves as {path}"},
    "yaml_problems": {"id": "{n} masalah ditemukan:", "en": "{n} problem(s) found:"},
    "numbered_yaml": {"id": "YAML dengan nomor baris", "en": "YAML with line numbers"},
    "seed": {"id": "Seed", "en": "Seed"},
    "preview": {"id": "Pratinjau", "en": "Preview"},
    "customer": {"id": "Pelanggan", "en": "Customer"},
    "answer_key": {"id": "Kunci jawaban", "en": "Answer key"},
    "save": {"id": "Simpan", "en": "Save"},
    "saved": {"id": "Tersimpan: {path}", "en": "Saved: {path}"},
    "saved_over": {"id": "Tersimpan (menimpa): {path}", "en": "Saved (overwritten): {path}"},
    "confirm_overwrite": {
        "id": "Ya, timpa file yang sudah ada",
        "en": "Yes, overwrite the existing file",
    },
    "overwrite": {"id": "Timpa", "en": "Overwrite"},
    # cohort
    "attempts": {"id": "Percobaan", "en": "Attempts"},
    "attempt": {"id": "Percobaan", "en": "Attempt"},
    "pass_rate": {"id": "Tingkat kelulusan", "en": "Pass rate"},
    "time_on_task": {"id": "Median waktu pengerjaan", "en": "Median time on task"},
    "pass_rate_per_sop": {"id": "Kelulusan per SOP", "en": "Pass rate per SOP"},
    "trainees": {"id": "Peserta", "en": "Trainees"},
    "trainee": {"id": "Peserta", "en": "Trainee"},
    "open_attempt": {"id": "Buka percobaan", "en": "Open attempt"},
    "no_results": {"id": "Belum ada hasil.", "en": "No results yet."},
    "item_analysis": {"id": "Analisis butir per langkah SOP", "en": "Item analysis per SOP step"},
    "item_analysis_help": {
        "id": "Fasilitas: seberapa sering langkah dikerjakan benar. Diskriminasi: seberapa baik "
        "langkah membedakan peserta kuat dan lemah (27% atas dikurangi 27% bawah).",
        "en": "Facility: how often the step is done right. Discrimination: how well it separates "
        "strong from weak trainees (upper 27% minus lower 27%).",
    },
    "facility": {"id": "Fasilitas", "en": "Facility"},
    "discrimination": {"id": "Diskriminasi", "en": "Discrimination"},
    "export": {"id": "Ekspor hasil", "en": "Export results"},
    "prepare_export": {"id": "Siapkan unduhan", "en": "Prepare downloads"},
    # exams
    "new_exam": {"id": "Ujian baru", "en": "New exam"},
    "exam_title": {"id": "Nama ujian", "en": "Exam title"},
    "exam_cases": {"id": "Kasus", "en": "Cases"},
    "exam_trainees": {"id": "Peserta", "en": "Trainees"},
    "deadline_time": {"id": "Jam (WIB)", "en": "Time (WIB)"},
    "assign": {"id": "Tugaskan", "en": "Assign"},
    "exam_created": {"id": "Ujian '{title}' dibuat.", "en": "Exam '{title}' created."},
    "exams": {"id": "Daftar ujian", "en": "Exams"},
    "finished": {"id": "Selesai", "en": "Finished"},
    "assigned": {"id": "Ditugaskan", "en": "Assigned"},
    "no_exams": {"id": "Belum ada ujian.", "en": "No exams yet."},
    # phrasings
    "phr_help": {
        "id": "Kalimat peserta yang tidak dipahami pelanggan simulasi (atau hanya samar), "
        "dikelompokkan per pertanyaan SOP terdekat. Tambahkan ke bank pertanyaan: episode baru "
        "langsung memahaminya.",
        "en": "Trainees' messages the simulated customer did not understand (or barely), "
        "grouped by the closest SOP question. Add one to a question's bank: new episodes "
        "understand it at once.",
    },
    "phr_try": {"id": "Coba kalimat", "en": "Try a phrasing"},
    "phr_try_btn": {"id": "Coba", "en": "Try"},
    "phr_understood": {"id": "Dipahami sebagai: {what}", "en": "Understood as: {what}"},
    "phr_nothing": {"id": "tidak dipahami", "en": "not understood"},
    "phr_pending": {"id": "{n} menunggu", "en": "{n} waiting"},
    "phr_added": {"id": "Ditambahkan pelatih", "en": "Added by trainers"},
    "phr_unmatched": {
        "id": "Tidak dekat dengan pertanyaan mana pun",
        "en": "Close to no question",
    },
    "phr_question": {"id": "Pertanyaan", "en": "Question"},
    "phr_add": {"id": "Tambah ke bank", "en": "Add to bank"},
    "phr_dismiss": {"id": "Abaikan", "en": "Dismiss"},
    "phr_remove": {"id": "Hapus", "en": "Remove"},
    "phr_done_add": {"id": "Ditambahkan ke {question}.", "en": "Added to {question}."},
    "phr_done_dismiss": {"id": "Diabaikan.", "en": "Dismissed."},
    "phr_done_remove": {"id": "Dihapus dari bank.", "en": "Removed from the bank."},
    "phr_none_waiting": {"id": "Tidak ada kalimat yang menunggu.", "en": "Nothing waiting."},
    "phr_times": {"id": "{n}×", "en": "{n}×"},
}
