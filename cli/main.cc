#include "cli/app.h"

int main(int argc, char** argv) { return kreplay::RunApp(argc, argv); }
