backward "L"
