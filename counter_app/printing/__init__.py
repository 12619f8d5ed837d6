"""PDF documents: the one-stop forms, labels, barcodes and QR codes."""
