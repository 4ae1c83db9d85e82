// Start-up script: every notebook gets these imports. An import whose package is missing is skipped.
import java.io.*;
import java.math.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.prefs.*;
import java.util.regex.*;
import java.util.stream.*;
import nnlab.nn.*;
import nnlab.data.*;
import nnlab.plot.*;
import nnlab.display.*;
import static nnlab.kernel.CellFunctions.*;
