# lit configuration for initcheck. Tests run real clang-19 with the real
# plugin; tools come from /usr/lib/llvm-19/bin (the plain `clang` on Debian
# bookworm is 14, which cannot load a plugin built for 19).
import glob
import os
import shutil
import lit.formats

config.name = "initcheck"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "utils"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.initcheck_obj_root, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# test/utils/capture_corpus: a FileCheck that records its input goes first.
filecheck = os.path.join(config.llvm_tools_dir, "FileCheck")
corpus_bin = os.environ.get("INITCHECK_CORPUS_BIN")
if corpus_bin:
    config.environment["PATH"] = corpus_bin + os.pathsep + config.environment["PATH"]
    for var in ("INITCHECK_CORPUS_OUT", "INITCHECK_SRC_ROOT"):
        config.environment[var] = os.environ[var]
    filecheck = os.path.join(corpus_bin, "FileCheck")
# Diagnostics in a stable form: no colours, no terminal width guesses.
config.environment["TERM"] = "dumb"

bin_dir = config.llvm_tools_dir
plugin = os.path.join(config.initcheck_obj_root, "lib", "initcheck.so")
inputs = os.path.join(config.test_source_root, "Inputs")
cc1 = "%s -cc1 -internal-isystem %s/include -nostdsysteminc" % (
    os.path.join(bin_dir, "clang"), config.clang_resource_dir)

# The clang-tidy front: the module, clang-tidy-19 itself, and the test
# driver (Debian ships no check_clang_tidy.py). Listed before "%clang",
# which is a prefix of "%clang_tidy".
tidy_module = os.path.join(config.initcheck_obj_root, "lib", "initcheck-tidy.so")
clang_tidy = os.path.join(bin_dir, "clang-tidy")
check_tidy = "%s %s --clang-tidy=%s --load=%s --filecheck=%s" % (
    config.python_executable,
    os.path.join(config.test_source_root, "utils", "check_initcheck_tidy.py"),
    clang_tidy, tidy_module, filecheck)
# Every front on one input: the same findings, notes and fix-its (the plugin,
# clang-tidy, `initcheck check`).
compare_fronts = ("%s %s --clang=%s --plugin=%s --clang-tidy=%s --load=%s "
                  "--initcheck=%s") % (
    config.python_executable,
    os.path.join(config.test_source_root, "utils", "compare_fronts.py"),
    os.path.join(bin_dir, "clang"), plugin, clang_tidy, tidy_module,
    os.path.join(config.initcheck_obj_root, "bin", "initcheck"))

# A clang-tidy of another major (bookworm's plain clang-tidy is 14), if any,
# to test that the module refuses it plainly.
other_tidies = sorted(t for t in glob.glob("/usr/lib/llvm-*/bin/clang-tidy")
                      if os.path.realpath(t) != os.path.realpath(clang_tidy))
if other_tidies:
    config.available_features.add("other-clang-tidy")
    config.substitutions.append(("%other_clang_tidy", other_tidies[0]))

config.substitutions += [
    ("%check_initcheck_tidy", check_tidy),
    ("%compare_fronts", compare_fronts),
    ("%clang_tidy", clang_tidy),
    ("%initcheck_tidy", tidy_module),
    ("%clang_cc1", cc1),
    ("%clangxx", os.path.join(bin_dir, "clang++")),
    ("%clang", os.path.join(bin_dir, "clang")),
    ("%initcheck_plugin", plugin),
    # The runtime (test/runtime): %initcheck_runtime_lib is the archive,
    # %initcheck_runtime the source directory (include/, src/, and ld/ with the
    # linker scripts).
    ("%initcheck_runtime_lib",
     os.path.join(config.initcheck_obj_root, "lib", "libinitcheck-rt.a")),
    ("%initcheck_runtime", os.path.join(config.initcheck_src_root, "runtime")),
    # The plugin under -cc1, as the driver's -fplugin= loads it.
    ("%initcheck_cc1", "%s -load %s" % (cc1, plugin)),
    ("%inputs", inputs),
    ("%python", config.python_executable),
]
# Packaging (test/runtime/packaging.test): the build and source trees (the
# uninstalled .pc and CMake package point into them), cmake and pkg-config.
config.substitutions += [
    ("%{obj_root}", config.initcheck_obj_root),
    ("%{src_root}", config.initcheck_src_root),
    ("%cmake", shutil.which("cmake") or "cmake"),
    ("%pkg_config", shutil.which("pkg-config") or "pkg-config"),
]
if shutil.which("pkg-config"):
    config.available_features.add("pkg-config")
# Last: "%initcheck" is a prefix of the substitutions above.
config.substitutions.append(
    ("%initcheck", os.path.join(config.initcheck_obj_root, "bin", "initcheck")))

# test/runtime runs the runtime under valgrind where it is installed.
if shutil.which("valgrind"):
    config.available_features.add("valgrind")

# test/link/record-on-targets.test: GNU as for these targets (their cross
# binutils), to assemble the facts record with -fno-integrated-as.
for arch, prefix in [("arm", "arm-linux-gnueabihf"),
                     ("aarch64", "aarch64-linux-gnu"),
                     ("riscv64", "riscv64-linux-gnu")]:
    if shutil.which(prefix + "-as"):
        config.available_features.add("gnu-as-" + arch)

# The clang-tidy module is built: test/precommit runs the initcheck-tidy hook.
if os.path.exists(os.path.join(config.initcheck_obj_root, "lib", "initcheck-tidy.so")):
    config.available_features.add("tidy")
# initcheck-link is built (it needs zstd's development files).
if os.path.exists(os.path.join(config.initcheck_obj_root, "bin", "initcheck-link")):
    config.available_features.add("initcheck-link")
# build/bin: the tool and the pre-commit entry points.
config.substitutions.insert(0, ("%{bin_dir}", os.path.join(config.initcheck_obj_root, "bin")))
